import { formatDurationShort, formatInteger, formatUsd, nanoToUsd, type ApiResponseEvent, type FieldBlock, type Host, type SessionReport } from '@radium-stats/core';
import { renderBlocks } from '../output/render-blocks.js';
import type { OutputStyle } from '../output/style.js';
import { periodProvider } from '../time-views/time-view.js';
import { sessionBlocks } from '../views/session-view.js';

/** How far back "recent" tokens go. */
export const RECENT_MS = 5 * 60_000;

/** A live view of one session at one instant: what was drawn and the report it was drawn from. */
export interface LiveFrame {
  text: string;
  report: SessionReport;
  /** The session is no longer live (ended, or abandoned): nothing more will change. */
  done: boolean;
}

/** What a live frame is drawn with. */
export interface LiveFrameOptions {
  nowMs: number;
  intervalMs: number;
  width: number | undefined;
  style: OutputStyle;
  warn: (message: string) => void;
}

/** Every token a response counted, cached or not (reasoning is inside output), as `rad stats calendar --metric tokens` counts them. */
const tokensOf = ({ tokens }: ApiResponseEvent) => tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite + tokens.cacheWrite1h;

/** The session's cost so far in USD, from the plugin that gives the time views their numbers; undefined when none is active. */
function costOf(host: Host, report: SessionReport): number | undefined {
  let provider: ReturnType<typeof periodProvider>;
  try {
    provider = periodProvider(host, 'day');
  } catch {
    return undefined;
  }
  const section = report.sections[provider.id];
  return section === undefined ? 0 : nanoToUsd(provider.period(section).total.costNanoUsd);
}

/** The rows the live view adds above the session: burn rate, recent tokens and when it was drawn. */
function liveBlock(host: Host, report: SessionReport, recent: ApiResponseEvent[], options: LiveFrameOptions): FieldBlock {
  const cost = costOf(host, report);
  const endMs = report.endTime ? Date.parse(report.endTime) : options.nowMs;
  const elapsedMs = Math.max(0, endMs - Date.parse(report.startTime));
  const burn =
    cost === undefined ? 'n/a (no active plugin prices requests)' : elapsedMs === 0 ? 'n/a (the session has just started)' : `${formatUsd(cost / (elapsedMs / 3_600_000))} per hour (over ${formatDurationShort(elapsedMs)})`;
  const tokens = recent.reduce((sum, e) => sum + tokensOf(e), 0);
  const seconds = options.intervalMs / 1000;
  const updated = new Date(options.nowMs).toTimeString().slice(0, 8);
  return {
    kind: 'fields',
    title: 'Live',
    rows: [
      { label: 'Burn Rate', value: burn },
      { label: 'Tokens (last 5 min)', value: `${formatInteger(tokens)} (${formatInteger(recent.length)} ${recent.length === 1 ? 'response' : 'responses'})` },
      { label: 'Updated', value: report.status === 'live' ? `${updated}, every ${seconds}s (q to quit)` : `${updated}; the session is ${report.status}` },
    ],
  };
}

/**
 * Draws `rad stats session --watch` once: the Live block (burn rate over the session so far, tokens
 * of the responses of the last five minutes) above the session view, from the session's files as
 * they are now.
 */
export async function liveFrame(host: Host, sessionId: string, options: LiveFrameOptions): Promise<LiveFrame> {
  const { report } = await host.store.load(sessionId);
  const recent = (await host.store.eventsSince(sessionId, options.nowMs - RECENT_MS)).filter((e): e is ApiResponseEvent => e.type === 'api.response');
  const blocks = [liveBlock(host, report, recent, options), ...sessionBlocks(report, host.plugins, options.warn)];
  return { text: renderBlocks(blocks, options.style, options.warn, options.width), report, done: report.status !== 'live' };
}
