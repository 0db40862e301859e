import { UsageError, type Host } from '@radium-stats/core';
import { NotATerminalError } from '../errors.js';
import type { OutputStyle } from '../output/style.js';
import { latestLiveSessionId } from '../views/live-session.js';
import { liveFrame, type LiveFrame } from './live-frame.js';
import { watch, type WatchTerminal } from './watch-loop.js';

/** Seconds between redraws when --interval is not given. */
export const DEFAULT_INTERVAL_SECONDS = 2;
const MIN_INTERVAL_SECONDS = 0.5;
const MAX_INTERVAL_SECONDS = 3600;

/** The --interval flag in milliseconds; a UsageError naming it when it is not a number of seconds in range. */
export function parseInterval(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INTERVAL_SECONDS * 1000;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
    throw new UsageError(`--interval: ${JSON.stringify(value)} is not a number of seconds from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS} (for example 2 or 0.5).`);
  }
  return seconds * 1000;
}

/** Refuses to watch unless both keys and frames go through a terminal. */
export function assertTerminal(terminal: { input: { isTTY?: boolean }; output: { isTTY?: boolean } }): asserts terminal is WatchTerminal {
  if (!terminal.input.isTTY || !terminal.output.isTTY) throw new NotATerminalError('--watch');
}

/** How `rad stats session --watch` ended: the last frame, and whether the session did. */
export interface WatchedSession {
  last: LiveFrame;
  ended: boolean;
}

/**
 * `rad stats session --watch`: redraws the live session (the newest live one, or `sessionId`) every
 * `intervalMs` until it is no longer live or the user quits.
 */
export async function watchSession(host: Host, options: { sessionId: string | undefined; intervalMs: number; terminal: WatchTerminal; style: OutputStyle; warn: (message: string) => void }): Promise<WatchedSession> {
  const id = options.sessionId !== undefined ? await host.catalog.resolveId(options.sessionId) : await latestLiveSessionId(host);
  let last: LiveFrame | undefined;
  const end = await watch(options.terminal, options.intervalMs, async (columns) => {
    last = await liveFrame(host, id, { nowMs: Date.now(), intervalMs: options.intervalMs, width: columns, style: options.style, warn: options.warn });
    return { text: last.text, done: last.done };
  });
  return { last: last!, ended: end.reason === 'done' };
}
