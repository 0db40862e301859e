import { hostname } from 'node:os';
import type { SessionStartEvent } from '../events/schema.js';
import { processAlive } from './process-alive.js';

/**
 * Decides whether a journal without `session.end` is still being written. A recorder on this host
 * that left its pid is live exactly while that process runs; otherwise recent writes mean live.
 */
export function openJournalStatus(start: SessionStartEvent | undefined, journalMtimeMs: number, nowMs: number, liveMinutes: number): 'live' | 'abandoned' {
  if (start?.pid && start.host === hostname()) return processAlive(start.pid) ? 'live' : 'abandoned';
  return nowMs - journalMtimeMs <= liveMinutes * 60_000 ? 'live' : 'abandoned';
}
