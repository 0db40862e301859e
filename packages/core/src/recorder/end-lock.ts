import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { RadiumError, SessionStateError } from '../errors.js';
import { LockFile } from '../store/lock-file.js';

/** How often a second `end` looks whether the first has finished. */
const POLL_MS = 50;
/** How long a second `end` waits for the first one (end hooks, a git snapshot say, take seconds). */
export const END_WAIT_MS = 120_000;
/** A lock untouched this long is taken over whoever holds it (a hung process, or one on another host). */
const STALE_MS = 10 * 60_000;

/** The lock file that lets one caller at a time end a session: hidden, so session listings skip it. */
export function endLockFile(journalFile: string, sessionId: string): string {
  return path.join(path.dirname(journalFile), `.${sessionId}.end.lock`);
}

/**
 * Takes the lock that makes ending a session happen once. While another process holds it (ending the
 * same session), waits for it to finish, so the caller can then see its `session.end`; a lock whose
 * holder died is taken over.
 */
export async function acquireEndLock(journalFile: string, sessionId: string, waitMs = END_WAIT_MS): Promise<LockFile> {
  const file = endLockFile(journalFile, sessionId);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = LockFile.tryAcquire(file, { staleMs: STALE_MS });
    if (lock instanceof LockFile) return lock;
    if (lock.status === 'unavailable') throw new RadiumError(`Could not create ${file} to end session ${sessionId}: check that the workspace is writable.`);
    if (Date.now() >= deadline) {
      const by = lock.holder.pid ? ` (pid ${lock.holder.pid})` : '';
      throw new SessionStateError(`Session ${sessionId} is being ended by another process${by}: wait for it to finish, or remove ${file} if no such process runs.`);
    }
    await sleep(POLL_MS);
  }
}
