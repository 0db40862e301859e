import { appendFileSync, closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** File name of the change log inside the index folder. */
export const CHANGE_LOG = 'changes.log';

/** Size and inode of the change log; a smaller size or another inode means it was replaced. */
export interface LogStamp {
  size: number;
  ino: number;
}

/**
 * Notes that a report file was written. A replaced report keeps its name, so a directory listing
 * cannot see it; our writers append its id here (one short O_APPEND write, which concurrent
 * writers never interleave) and readers look only at the ids appended since their last visit
 * instead of checking every file. Best effort: the log is a hint for a cache, so a failure to
 * write it must not fail the save that already happened.
 */
export function recordChange(indexDir: string, sessionId: string): void {
  const file = path.join(indexDir, CHANGE_LOG);
  try {
    appendFileSync(file, `${sessionId}\n`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    try {
      mkdirSync(indexDir, { recursive: true });
      appendFileSync(file, `${sessionId}\n`);
    } catch {
      // A read-only index folder: readers fall back to checking stamps when the folder changes.
    }
  }
}

/** Stamp of the change log, or null when there is none yet. */
export function logStamp(indexDir: string): LogStamp | null {
  try {
    const stat = statSync(path.join(indexDir, CHANGE_LOG), { throwIfNoEntry: false });
    return stat ? { size: stat.size, ino: stat.ino } : null;
  } catch {
    // The index folder is not a folder: there is no log to read.
    return null;
  }
}

/** Ids appended between byte `from` and byte `to`, and the offset after the last whole line read. */
export function readChanges(indexDir: string, from: number, to: number): { ids: Set<string>; end: number } {
  const ids = new Set<string>();
  if (to <= from) return { ids, end: from };
  const buffer = Buffer.alloc(to - from);
  const fd = openSync(path.join(indexDir, CHANGE_LOG), 'r');
  let read = 0;
  try {
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, from + read);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  // Only whole lines count: a line still being appended is read on the next visit.
  const whole = buffer.subarray(0, read).lastIndexOf(0x0a) + 1;
  for (const line of buffer.subarray(0, whole).toString('utf8').split('\n')) if (line !== '') ids.add(line);
  return { ids, end: from + whole };
}
