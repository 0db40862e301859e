import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** File name of the writers' lock inside the index folder. */
export const LOCK_FILE = 'write.lock';
/** A lock older than this without a heartbeat is taken over, whoever holds it (a hung or remote process). */
export const LOCK_STALE_MS = 5 * 60_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's holder is gone: a dead process on this host, an unreadable lock, or no heartbeat for LOCK_STALE_MS. */
function isStale(file: string, nowMs: number): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return true;
  if (nowMs - stat.mtimeMs > LOCK_STALE_MS) return true;
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof holder.pid === 'number' && holder.host === hostname() && holder.pid !== process.pid && !alive(holder.pid);
  } catch {
    // Created but not yet written (or torn by a crash): stale only once it is old.
    return nowMs - stat.mtimeMs > 10_000;
  }
}

/**
 * The right to rewrite the index. Only one process writes at a time, so writers never lose each
 * other's work; a process that cannot get the lock does not wait: it repairs in memory, answers,
 * and leaves the writing to the holder. Readers never take it (segments are immutable and the
 * manifest is swapped atomically).
 */
export class IndexLock {
  private constructor(
    private readonly file: string,
    private readonly token: string,
  ) {}

  /**
   * Takes the lock, taking over a stale one. `held`: another live process has it; `unavailable`:
   * the index folder cannot be written (a read-only workspace), so nobody will write the index.
   */
  static tryAcquire(indexDir: string, nowMs: number): IndexLock | 'held' | 'unavailable' {
    const file = path.join(indexDir, LOCK_FILE);
    try {
      mkdirSync(indexDir, { recursive: true });
    } catch {
      return 'unavailable';
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const token = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date(nowMs).toISOString(), nonce: Math.random() });
        writeFileSync(file, token, { flag: 'wx' });
        return new IndexLock(file, token);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'unavailable';
        if (!isStale(file, nowMs)) return 'held';
        rmSync(file, { force: true });
      }
    }
    return 'held';
  }

  /** Shows the holder is still working (long rebuilds call this as they go). */
  heartbeat(): void {
    const now = new Date();
    try {
      utimesSync(this.file, now, now);
    } catch {
      // Taken over meanwhile: the manifest swap is still atomic, so the worst case is redone work.
    }
  }

  /** Gives the lock up, unless it was taken over meanwhile (then it is the new holder's). */
  release(): void {
    try {
      if (readFileSync(this.file, 'utf8') === this.token) rmSync(this.file, { force: true });
    } catch {
      // Already gone.
    }
  }
}
