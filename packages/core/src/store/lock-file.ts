import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { processAlive } from '../host/process-alive.js';

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid?: number;
  host?: string;
}

/** Why a lock could not be taken: a live holder has it, or its folder cannot be written. */
export type LockRefusal = { status: 'held'; holder: LockHolder } | { status: 'unavailable' };

/** Options of `LockFile.tryAcquire`. */
export interface LockOptions {
  /** A lock not touched for this long is taken over whoever holds it (a hung or remote process); default never. */
  staleMs?: number;
  /** Clock in ms, for tests. */
  nowMs?: number;
}

// A lock file is created empty and then written; one that stays unreadable this long was torn by a crash.
const TORN_LOCK_MS = 10_000;

function readHolder(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** True when the holder is gone: a dead process on this host, a torn lock, or no heartbeat for `staleMs`. */
function isStale(file: string, nowMs: number, staleMs: number): boolean {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return true;
  if (nowMs - stat.mtimeMs > staleMs) return true;
  const holder = readHolder(file);
  if (!holder) return nowMs - stat.mtimeMs > TORN_LOCK_MS;
  return typeof holder.pid === 'number' && holder.host === hostname() && holder.pid !== process.pid && !processAlive(holder.pid);
}

/**
 * A lock held as a file created with O_EXCL, so exactly one process gets it; a lock whose holder
 * died (same host) or stopped its heartbeat is taken over rather than blocking everyone forever.
 */
export class LockFile {
  private constructor(
    private readonly file: string,
    private readonly token: string,
  ) {}

  /** Takes the lock at `file`, taking over a stale one. */
  static tryAcquire(file: string, options: LockOptions = {}): LockFile | LockRefusal {
    const nowMs = options.nowMs ?? Date.now();
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch {
      return { status: 'unavailable' };
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const token = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date(nowMs).toISOString(), nonce: Math.random() });
        writeFileSync(file, token, { flag: 'wx' });
        return new LockFile(file, token);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { status: 'unavailable' };
        if (!isStale(file, nowMs, options.staleMs ?? Infinity)) return { status: 'held', holder: readHolder(file) ?? {} };
        rmSync(file, { force: true });
      }
    }
    return { status: 'held', holder: readHolder(file) ?? {} };
  }

  /** Shows the holder is still working (long jobs call this as they go). */
  heartbeat(): void {
    const now = new Date();
    try {
      utimesSync(this.file, now, now);
    } catch {
      // Taken over meanwhile: whatever the lock guards must already tolerate redone work.
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
