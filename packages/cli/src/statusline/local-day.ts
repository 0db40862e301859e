/** A range of epoch milliseconds, start inclusive, end exclusive (core's TimeRange). */
export type DayRange = [start: number, end: number];

/**
 * Today in the local time zone: from local midnight to the next, as `rad stats daily` cuts days (a
 * midnight a clock change skips becomes the first instant after it). Date's own zone rules answer,
 * so no Intl formatter is built: starting one costs about 25 ms, a fifth of the status line's budget.
 */
export function localDay(nowMs: number): DayRange {
  const now = new Date(nowMs);
  const midnight = (days: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime();
  return [midnight(0), midnight(1)];
}
