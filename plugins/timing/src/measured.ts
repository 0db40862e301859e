import type { MeasuredDuration, TimedSum } from './section.js';

/** A duration of one session that is known. */
export function known(ms: number): MeasuredDuration {
  return { ms, reason: null, unrecordedSessions: 0 };
}

/** A duration of one session that cannot be known, and why. */
export function unknown(reason: string): MeasuredDuration {
  return { ms: null, reason, unrecordedSessions: 1 };
}

/** Sum of the timed events; unknown only when there were events and none carried a duration. */
export function timedSum(timed: number, untimed: number, sumMs: number, reason: string): TimedSum {
  const value = timed === 0 && untimed > 0 ? unknown(reason) : known(sumMs);
  return { ...value, timed, untimed };
}

/** API time + tool time, unknown when either part is. */
export function sumOfParts(a: MeasuredDuration, b: MeasuredDuration): MeasuredDuration {
  if (a.ms === null) return unknown(a.reason ?? 'not known');
  if (b.ms === null) return unknown(b.reason ?? 'not known');
  return known(a.ms + b.ms);
}
