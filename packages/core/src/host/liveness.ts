import { hostname } from 'node:os';
import type { SessionStartEvent } from '../events/schema.js';

/** True when the process is running (signal 0 checks existence without signalling). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Decides whether a journal without `session.end` is still being written. A recorder on this host
 * that left its pid is live exactly while that process runs; otherwise recent writes mean live.
 */
export function openJournalStatus(start: SessionStartEvent | undefined, journalMtimeMs: number, nowMs: number, liveMinutes: number): 'live' | 'abandoned' {
  if (start?.pid && start.host === hostname()) return processAlive(start.pid) ? 'live' : 'abandoned';
  return nowMs - journalMtimeMs <= liveMinutes * 60_000 ? 'live' : 'abandoned';
}
