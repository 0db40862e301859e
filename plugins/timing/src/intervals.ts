/** A time interval `[start, end]` in epoch milliseconds. */
export type Interval = readonly [start: number, end: number];

/**
 * Length of the union of intervals, each clipped to `[lo, hi]`, by sorting and one sweep.
 * Overlapping (parallel) work counts once, so the result never exceeds `hi - lo`.
 */
export function unionLength(intervals: readonly Interval[], lo: number, hi: number): number {
  if (!(hi > lo)) return 0;
  const clipped = intervals
    .map(([a, b]): Interval => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let runStart = 0;
  let runEnd = -Infinity;
  for (const [a, b] of clipped) {
    if (a > runEnd) {
      if (runEnd > -Infinity) total += runEnd - runStart;
      runStart = a;
      runEnd = b;
    } else if (b > runEnd) {
      runEnd = b;
    }
  }
  if (runEnd > -Infinity) total += runEnd - runStart;
  // Float sums of disjoint pieces can overshoot by an ulp; the bound is the promise.
  return Math.min(total, hi - lo);
}
