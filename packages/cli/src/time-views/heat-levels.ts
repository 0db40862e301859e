/** Shades of a heatmap cell: 0 for a day with nothing, then 1 (least) to 4 (most). */
export const HEAT_LEVELS = 4;

/**
 * Quantile buckets: a day's level is its rank among the days with anything (the share of them with a
 * value at most its own), in quarters. Linear buckets (value / max) were the other choice, but daily
 * cost is heavy-tailed: one long session would put nearly every other day in the lightest shade.
 * Ranks spread the shades over the days whatever the scale, ties share a level, and the busiest day
 * is always the darkest.
 */
export class HeatLevels {
  private readonly sorted: number[];

  constructor(values: Iterable<number>) {
    this.sorted = [...values].filter((v) => v > 0).sort((a, b) => a - b);
  }

  /** The level of a day's value: 0 when nothing happened, else 1 to HEAT_LEVELS. */
  level(value: number): number {
    if (value <= 0 || this.sorted.length === 0) return 0;
    // How many days have a value at most this one: the last index holding it, plus one.
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]! <= value) low = mid + 1;
      else high = mid;
    }
    return Math.max(1, Math.ceil((HEAT_LEVELS * low) / this.sorted.length));
  }

  /** The highest value of each level from 1 to HEAT_LEVELS; null for a level no day has. */
  maxima(): (number | null)[] {
    const out: (number | null)[] = Array.from({ length: HEAT_LEVELS }, () => null);
    for (const value of this.sorted) out[this.level(value) - 1] = value;
    return out;
  }
}
