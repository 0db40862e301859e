import { hostname } from 'node:os';
import type { SessionStartEvent } from '../events/schema.js';
import { processAlive } from './process-alive.js';
import { PROC_ROOT, processStartMs } from './process-start.js';

/**
 * How far a recorder's start time may be from the one it recorded and still be the same process:
 * the boot time these are counted from is whole seconds and can read one second apart.
 */
const START_TOLERANCE_MS = 2000;

/**
 * True while the recorder that wrote `session.start` runs: a process with its pid exists and, where
 * both start times are known, started when the recorder said it did (a later process can get the
 * same pid). Without a recorded start time or without /proc, the pid alone decides. `proc` is for tests.
 */
export function recorderAlive(pid: number, pidStartedAt: string | undefined, proc = PROC_ROOT): boolean {
  if (!processAlive(pid)) return false;
  const recorded = pidStartedAt === undefined ? NaN : Date.parse(pidStartedAt);
  const actual = processStartMs(pid, proc);
  if (Number.isNaN(recorded) || actual === null) return true;
  return Math.abs(actual - recorded) <= START_TOLERANCE_MS;
}

/**
 * Decides whether a journal without `session.end` is still being written. A recorder on this host
 * that left its pid is live exactly while that process runs; otherwise recent writes mean live.
 */
export function openJournalStatus(start: SessionStartEvent | undefined, journalMtimeMs: number, nowMs: number, liveMinutes: number): 'live' | 'abandoned' {
  if (start?.pid && start.host === hostname()) return recorderAlive(start.pid, start.pidStartedAt) ? 'live' : 'abandoned';
  return nowMs - journalMtimeMs <= liveMinutes * 60_000 ? 'live' : 'abandoned';
}
