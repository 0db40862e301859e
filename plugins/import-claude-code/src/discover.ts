import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { folderEntries, SKIP_OUTSIDE_WORKSPACE, type FoundFile, type ProjectScope } from '@radium-stats/core';

/** Claude Code names a project folder after its cwd with every character but letters and digits turned into `-`. */
export function encodeProjectDir(dir: string): string {
  return dir.replace(/[^a-zA-Z0-9]/g, '-');
}

/** Folder names this long may be shortened by Claude Code, so they are never ruled out by name. */
const SHORTENED_NAME_LENGTH = 200;

/**
 * True when a project folder's name could belong to a cwd inside the workspace. The name is only a
 * hint (the encoding is lossy); sessions it lets through are still checked against their recorded cwd.
 */
export function projectDirMayMatch(name: string, scope: ProjectScope): boolean {
  if (scope.workspace === null || name.length >= SHORTENED_NAME_LENGTH) return true;
  const roots = new Set([scope.workspace]);
  try {
    roots.add(realpathSync(scope.workspace));
  } catch {
    // The given path is enough.
  }
  const encoded = encodeProjectDir(name);
  return [...roots].some((root) => {
    const prefix = encodeProjectDir(root);
    return encoded === prefix || encoded.startsWith(`${prefix}-`);
  });
}

/**
 * A name in a folder. Not `path.join`: the folder is already normalized, and normalizing it again
 * for each of thousands of transcripts was a tenth of the listing auto-import makes before a view.
 */
const child = (dir: string, name: string): string => (dir.endsWith(path.sep) ? dir + name : dir + path.sep + name);

/** Transcripts of one project folder: `<session>.jsonl` and `<session>/subagents/agent-*.jsonl`. */
function projectFiles(dir: string, skip: string | undefined): FoundFile[] {
  const out: FoundFile[] = [];
  for (const entry of folderEntries(dir)) {
    if (entry.isFile() && entry.name.endsWith('.jsonl')) {
      out.push({ path: child(dir, entry.name), group: entry.name.slice(0, -'.jsonl'.length), part: 0, format: 'jsonl', ...(skip ? { skip } : {}) });
    } else if (entry.isDirectory()) {
      const subagents = child(child(dir, entry.name), 'subagents');
      for (const sub of folderEntries(subagents)) {
        if (!sub.isFile() || !sub.name.endsWith('.jsonl')) continue;
        out.push({ path: child(subagents, sub.name), group: entry.name, part: 1, format: 'jsonl', ...(skip ? { skip } : {}) });
      }
    }
  }
  return out;
}

/**
 * Lists transcripts under a source: a config root (holding `projects/`), a `projects` folder, or
 * one project folder. Project folders whose name rules out the workspace are listed as skipped.
 */
export function discoverClaudeFiles(source: string, scope: ProjectScope): FoundFile[] {
  const nested = path.join(source, 'projects');
  const root = statSync(nested, { throwIfNoEntry: false })?.isDirectory() ? nested : path.normalize(source);
  const list = folderEntries(root);
  if (list.some((e) => e.isFile() && e.name.endsWith('.jsonl'))) return projectFiles(root, undefined);
  const out: FoundFile[] = [];
  for (const entry of list) {
    if (!entry.isDirectory()) continue;
    const skip = projectDirMayMatch(entry.name, scope) ? undefined : SKIP_OUTSIDE_WORKSPACE;
    out.push(...projectFiles(path.join(root, entry.name), skip));
  }
  return out;
}
