import path from 'node:path';
import { LockFile } from '../store/lock-file.js';

/** File name of the writers' lock inside the index folder. */
export const LOCK_FILE = 'write.lock';
/** A lock older than this without a heartbeat is taken over, whoever holds it (a hung or remote process). */
export const LOCK_STALE_MS = 5 * 60_000;

/** The right to rewrite the index (see summary-index.ts for why writers never wait for it). */
export type IndexLock = LockFile;

/**
 * Takes the index lock. `held`: another live process has it; `unavailable`: the index folder cannot
 * be written (a read-only workspace), so nobody will write the index.
 */
export function tryAcquireIndexLock(indexDir: string, nowMs: number): IndexLock | 'held' | 'unavailable' {
  const lock = LockFile.tryAcquire(path.join(indexDir, LOCK_FILE), { staleMs: LOCK_STALE_MS, nowMs });
  return lock instanceof LockFile ? lock : lock.status;
}
