import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { folderEntries, SKIP_OUTSIDE_WORKSPACE, type FoundFile, type ProjectScope } from '@radium-stats/core';
import { ProjectRoots } from './project-root.js';

/** Skip reason of an older `.json` chat that Gemini CLI copied into a `.jsonl` chat when it was resumed. */
export const SKIP_MIGRATED = 'older .json copy of a .jsonl chat';

// Chat heads and markers are read synchronously too (see folderEntries): a listing runs before every
// view with auto-import on.

/** Bytes read from the start of a chat for its metadata line. */
const HEAD_BYTES = 64 * 1024;
/** One buffer for every chat head of a listing (nothing else reads while a listing runs). */
let headBuffer: Buffer | undefined;

/** Session id from a chat's first line (its metadata), read without reading the rest. */
function headSessionId(file: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES);
    const bytesRead = readSync(fd, headBuffer, 0, HEAD_BYTES, 0);
    const end = headBuffer.indexOf(10);
    const first = headBuffer.toString('utf8', 0, end >= 0 && end < bytesRead ? end : bytesRead);
    const id = (JSON.parse(first) as { sessionId?: unknown }).sessionId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Chats of one project folder (`<project>/chats`). */
function projectChats(projectDir: string, hints: Record<string, string>, skip: string | undefined): FoundFile[] {
  const chats = path.join(projectDir, 'chats');
  const out: FoundFile[] = [];
  const entries = folderEntries(chats);
  const names = new Set(entries.map((e) => e.name));
  const base = (file: FoundFile): FoundFile => ({ ...file, hints, ...(skip ? { skip } : {}) });
  for (const entry of entries) {
    const full = path.join(chats, entry.name);
    if (entry.isFile() && entry.name.endsWith('.jsonl')) {
      out.push(base({ path: full, group: headSessionId(full) ?? entry.name.slice(0, -6), part: 0, format: 'jsonl' }));
    } else if (entry.isFile() && entry.name.endsWith('.json')) {
      const migrated = names.has(`${entry.name}l`);
      out.push({ ...base({ path: full, group: `json:${entry.name}`, part: 0, format: 'json' }), ...(migrated ? { skip: SKIP_MIGRATED } : {}) });
    } else if (entry.isDirectory()) {
      for (const sub of folderEntries(full)) {
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
export function discoverGeminiFiles(source: string, scope: ProjectScope): FoundFile[] {
  const isDir = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
  let geminiDir: string | undefined;
  let projects: string[];
  if (isDir(path.join(source, 'tmp'))) {
    geminiDir = source;
    projects = folderEntries(path.join(source, 'tmp')).filter((e) => e.isDirectory()).map((e) => path.join(source, 'tmp', e.name));
  } else if (isDir(path.join(source, 'chats'))) {
    projects = [source];
    geminiDir = path.dirname(path.dirname(source));
  } else {
    projects = folderEntries(source).filter((e) => e.isDirectory()).map((e) => path.join(source, e.name));
    geminiDir = path.dirname(source);
  }
  const roots = new ProjectRoots(geminiDir, scope.root);
  const out: FoundFile[] = [];
  for (const projectDir of projects) {
    const root = roots.resolve(projectDir);
    const hints: Record<string, string> = root ? { projectRoot: root } : { projectId: path.basename(projectDir) };
    const skip = scope.workspace !== null && !(root && scope.includes(root)) ? SKIP_OUTSIDE_WORKSPACE : undefined;
    out.push(...projectChats(projectDir, hints, skip));
  }
  return out;
}
