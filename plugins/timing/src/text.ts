import { formatDuration, formatInteger, formatNotAvailable, formatPercent } from '@radium-stats/core';
import type { MeasuredDuration, TimedSum, TimingSection } from './section.js';

/** `value`, or `value (note; note)` when there are notes. */
function withNotes(value: string, notes: (string | undefined)[]): string {
  const present = notes.filter((n): n is string => !!n);
  return present.length > 0 ? `${value} (${present.join('; ')})` : value;
}

function unrecordedNote(d: MeasuredDuration): string | undefined {
  const n = d.unrecordedSessions;
  return n > 0 ? `${formatInteger(n)} ${n === 1 ? 'session' : 'sessions'} not recorded` : undefined;
}

function untimedNote(d: TimedSum, noun: string): string | undefined {
  return d.timed > 0 && d.untimed > 0 ? `${formatInteger(d.untimed)} of ${formatInteger(d.timed + d.untimed)} ${noun} untimed` : undefined;
}

/** A duration, or `n/a (reason)`; merged sessions that did not know it are named. */
export function durationText(d: MeasuredDuration, notes: (string | undefined)[] = []): string {
  if (d.ms === null) return formatNotAvailable(d.reason ?? undefined);
  return withNotes(formatDuration(d.ms), [...notes, unrecordedNote(d)]);
}

/** Wall time, marked `(live)` while the session runs. */
export function wallText(s: TimingSection): string {
  const live = s.liveSessions === 0 ? undefined : s.sessions === 1 ? 'live' : `${formatInteger(s.liveSessions)} live`;
  return durationText(s.wallTime, [live]);
}

/**
 * Share of API time (or tool time) in API + tool time, so the two add to 100%. Null when either is
 * unknown, both are zero, or merged sessions left one of them out (the sums would cover different sessions).
 */
export function shareOfActive(part: MeasuredDuration, s: TimingSection): number | null {
  const api = s.apiTime.ms;
  const tool = s.toolTime.ms;
  if (part.ms === null || api === null || tool === null || api + tool === 0) return null;
  if (s.apiTime.unrecordedSessions > 0 || s.toolTime.unrecordedSessions > 0) return null;
  return part.ms / (api + tool);
}

/** `1h 9m 42s (40.2%)`, with a note when some requests or calls carried no duration. */
export function partText(part: TimedSum, s: TimingSection, noun: string): string {
  const share = shareOfActive(part, s);
  return durationText(part, [share === null ? undefined : formatPercent(share), untimedNote(part, noun)]);
}

/** `2h 1m 5s (48.4% of wall time)`, with a note when untimed events could not be placed. */
export function busyText(s: TimingSection): string {
  const wall = s.wallTime.ms;
  const busy = s.busyTime.ms;
  const share = busy !== null && wall !== null && wall > 0 && s.busyTime.unrecordedSessions === 0 && s.wallTime.unrecordedSessions === 0 ? `${formatPercent(busy / wall)} of wall time` : undefined;
  const untimed = s.apiTime.untimed + s.toolTime.untimed;
  const timed = s.apiTime.timed + s.toolTime.timed;
  const missing = timed > 0 && untimed > 0 ? `${formatInteger(untimed)} untimed ${untimed === 1 ? 'event' : 'events'} not included` : undefined;
  return durationText(s.busyTime, [share, missing]);
}
