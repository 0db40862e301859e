import { formatDuration, formatInteger, formatNotAvailable, formatPercent } from '@radium-stats/core';
import { successRate } from './values.js';
import { DURATIONS_NOT_RECORDED, type ToolsSection } from './section.js';

function sessionsNote(n: number): string {
  return n > 0 ? ` (${formatInteger(n)} ${n === 1 ? 'session' : 'sessions'} not recorded)` : '';
}

/** `231 ( ✓ 214 x 17 )`, as in the spec; calls without a known outcome are named rather than hidden. */
export function callsText(s: ToolsSection): string {
  if (s.calls === null) return formatNotAvailable(s.callsReason ?? undefined);
  const known = s.succeeded + s.failed;
  let text = formatInteger(s.calls);
  if (known > 0 || s.calls === 0) {
    const unknown = s.calls - known;
    const rest = unknown > 0 ? `, ${formatInteger(unknown)} unknown` : '';
    text += ` ( ✓ ${formatInteger(s.succeeded)} x ${formatInteger(s.failed)}${rest} )`;
  }
  return text + sessionsNote(s.unrecordedSessions);
}

/** Calls alone (`231`), for compare and history. */
export function callCountText(s: ToolsSection): string {
  return s.calls === null ? formatNotAvailable(s.callsReason ?? undefined) : formatInteger(s.calls);
}

/** `92.6%`, or `n/a (no tool calls)`. */
export function successRateText(s: ToolsSection): string {
  const rate = successRate(s);
  return rate.value === null ? formatNotAvailable(rate.reason) : formatPercent(rate.value);
}

/** Average and total time of `timedCalls` calls summing to `totalMs`; `n/a` when none was timed. */
export function timeCells(timedCalls: number, totalMs: number | null): [avg: string, total: string] {
  if (timedCalls === 0 || totalMs === null) return [formatNotAvailable(), formatNotAvailable()];
  return [formatDuration(totalMs / timedCalls), formatDuration(totalMs)];
}

/** A sentence about calls without a duration, or undefined when every call was timed. */
export function untimedNote(s: ToolsSection): string | undefined {
  const calls = s.calls ?? 0;
  if (calls === 0 || s.timedCalls >= calls) return undefined;
  if (s.timedCalls === 0) return `Avg Time and Total Time: ${formatNotAvailable(s.durationReason ?? DURATIONS_NOT_RECORDED)}`;
  const untimed = calls - s.timedCalls;
  return `Times cover ${formatInteger(s.timedCalls)} of ${formatInteger(calls)} tool calls; ${formatInteger(untimed)} carried no duration.`;
}
