import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** What a file of the storage holds, kept in its `hints.kind`. */
export type FileKind = 'session' | 'message' | 'part';

/** Part number of each kind in a session group: the main session's files, then its subagent sessions' files. */
export const PART_OF: Record<FileKind, number> = { session: 0, message: 1, part: 2 };
/** Added to a subagent session's part numbers, so all sessions are named before any message and all messages are read before any part. */
export const SUBAGENT_PARTS = 3;

/** True when `dir` is a directory. */
export function isDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The `storage` folder under a `--source`: the storage folder itself or OpenCode's data folder holding it. */
export function storageRoot(source: string): string | undefined {
  if (isDir(path.join(source, 'session'))) return source;
  if (isDir(path.join(source, 'storage', 'session'))) return path.join(source, 'storage');
  return undefined;
}

/** Names in a folder, sorted (ids sort by time: messages and parts ascending), or none when it cannot be read. */
export function names(dir: string, filesOnly: boolean): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => (filesOnly ? e.isFile() : e.isDirectory()))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The records of a folder: `<id>.json` files; OpenCode's own temporary and hidden files are left out. */
export function recordIds(dir: string): string[] {
  return names(dir, true)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .map((n) => n.slice(0, -5));
}

/** A JSON file as an object, or undefined when it is missing, half-written or not an object. */
export function readObject(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
