import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SKIP_OUTSIDE_WORKSPACE, type FoundFile, type ProjectScope } from '@radium-stats/core';
import { ProjectRoots } from './project-root.js';

/** Skip reason of an older `.json` chat that Gemini CLI copied into a `.jsonl` chat when it was resumed. */
export const SKIP_MIGRATED = 'older .json copy of a .jsonl chat';

async function list(dir: string): Promise<import('node:fs').Dirent[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Session id from a chat's first line (its metadata), read without reading the rest. */
async function headSessionId(file: string): Promise<string | undefined> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytesRead);
    const first = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
    const id = (JSON.parse(first) as { sessionId?: unknown }).sessionId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Chats of one project folder (`<project>/chats`). */
async function projectChats(projectDir: string, hints: Record<string, string>, skip: string | undefined): Promise<FoundFile[]> {
  const chats = path.join(projectDir, 'chats');
  const out: FoundFile[] = [];
  const entries = await list(chats);
  const names = new Set(entries.map((e) => e.name));
  const base = (file: FoundFile): FoundFile => ({ ...file, hints, ...(skip ? { skip } : {}) });
  for (const entry of entries) {
    const full = path.join(chats, entry.name);
    if (entry.isFile() && entry.name.endsWith('.jsonl')) {
      out.push(base({ path: full, group: (await headSessionId(full)) ?? entry.name.slice(0, -6), part: 0, format: 'jsonl' }));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      const migrated = names.has(`${entry.name}l`);
      out.push({ ...base({ path: full, group: `json:${entry.name}`, part: 0, format: 'json' }), ...(migrated ? { skip: SKIP_MIGRATED } : {}) });
    } else if (entry.isDirectory()) {
      for (const sub of await list(full)) {
        if (sub.isFile() && sub.name.endsWith('.jsonl')) out.push(base({ path: path.join(full, sub.name), group: entry.name, part: 1, format: 'jsonl' }));
      }
    }
  }
  return out;
}

/**
 * Lists chats under a Gemini folder (`~/.gemini`, its `tmp`, or one project folder). Each project
 * folder is resolved to the directory its sessions ran in; folders outside the workspace, or that
 * cannot be resolved, are listed as skipped unless every project is wanted.
 */
export async function discoverGeminiFiles(source: string, scope: ProjectScope): Promise<FoundFile[]> {
  const isDir = async (p: string): Promise<boolean> => (await fs.stat(p).catch(() => undefined))?.isDirectory() ?? false;
  let geminiDir: string | undefined;
  let projects: string[];
  if (await isDir(path.join(source, 'tmp'))) {
    geminiDir = source;
    projects = (await list(path.join(source, 'tmp'))).filter((e) => e.isDirectory()).map((e) => path.join(source, 'tmp', e.name));
  } else if (await isDir(path.join(source, 'chats'))) {
    projects = [source];
    geminiDir = path.dirname(path.dirname(source));
  } else {
    projects = (await list(source)).filter((e) => e.isDirectory()).map((e) => path.join(source, e.name));
    geminiDir = path.dirname(source);
  }
  const roots = new ProjectRoots(geminiDir, scope.root);
  const out: FoundFile[] = [];
  for (const projectDir of projects) {
    const root = await roots.resolve(projectDir);
    const hints: Record<string, string> = root ? { projectRoot: root } : { projectId: path.basename(projectDir) };
    const skip = scope.workspace !== null && !(root && scope.includes(root)) ? SKIP_OUTSIDE_WORKSPACE : undefined;
    out.push(...(await projectChats(projectDir, hints, skip)));
  }
  return out;
}
