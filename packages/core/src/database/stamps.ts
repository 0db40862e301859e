import { statSync, type Stats } from 'node:fs';

/**
 * How close to "now" a modification time must be for us to distrust it. File systems keep times
 * in coarse ticks (a few ms locally, up to seconds on network mounts), so a second change within
 * the same tick leaves the time unchanged; like git's "racily clean" rule, a time this recent is
 * recorded as unknown and checked again next time instead of being trusted.
 */
export const RACY_MS = 2_000;

/** Size and modification time of a file as the index recorded it; `mtimeMs` -1 means "check again". */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** Modification time and inode of the sessions folder when it was listed. */
export interface DirStamp {
  mtimeMs: number;
  ino: number;
  /** True when the time was too recent to prove that no later change shares it. */
  racy: boolean;
}

/** True when a modification time is too recent to be trusted (see RACY_MS). */
export const isRacy = (mtimeMs: number, nowMs: number): boolean => mtimeMs > nowMs - RACY_MS;

/** A stat, or undefined when the path is missing or a parent is not a folder. */
function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Stamp of a regular file, or undefined when it is gone (or not a file). Sync: one syscall, no thread hop. */
export function fileStamp(file: string, nowMs: number): FileStamp | undefined {
  const stat = statOrUndefined(file);
  if (!stat?.isFile()) return undefined;
  return { size: stat.size, mtimeMs: isRacy(stat.mtimeMs, nowMs) ? -1 : stat.mtimeMs };
}

/** True when a recorded stamp proves the file unchanged. */
export function sameFile(recorded: FileStamp | undefined, current: FileStamp | undefined): boolean {
  return !!recorded && !!current && recorded.mtimeMs !== -1 && recorded.size === current.size && recorded.mtimeMs === current.mtimeMs;
}

/** Stamp of a folder, or null when it does not exist. */
export function dirStamp(dir: string, nowMs: number): DirStamp | null {
  const stat = statOrUndefined(dir);
  if (!stat?.isDirectory()) return null;
  return { mtimeMs: stat.mtimeMs, ino: stat.ino, racy: isRacy(stat.mtimeMs, nowMs) };
}

/** True when the folder provably has the same entries as when `recorded` was taken. */
export function sameDir(recorded: DirStamp | null, current: DirStamp | null): boolean {
  if (recorded === null || current === null) return recorded === current;
  return !recorded.racy && recorded.mtimeMs === current.mtimeMs && recorded.ino === current.ino;
}
