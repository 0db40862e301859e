import { formatDurationShort, formatInteger, formatNotAvailable, formatPercent, formatUsd, withSign, type CompareUnit } from '@radium-stats/core';

/** Formats a magnitude in its unit (ms for durations, USD, counts with commas). */
function magnitude(unit: CompareUnit): (abs: number) => string {
  switch (unit) {
    case 'usd':
      return formatUsd;
    case 'duration':
      return formatDurationShort;
    case 'ratio':
      return (abs) => formatPercent(abs);
    default:
      return (abs) => formatInteger(abs);
  }
}

/** A signed difference: `-5,200`, `-$0.0150`, `-1h 54m`; a ratio's difference in percentage points (`+2.6 pp`). */
export function formatDelta(delta: number | null, unit: CompareUnit): string {
  if (delta === null) return formatNotAvailable();
  return unit === 'ratio' ? withSign(delta, (abs) => `${(abs * 100).toFixed(1)} pp`) : withSign(delta, magnitude(unit));
}

/** The rate as shown by `formatPercent`, in tenths of a percentage point (`92.6%` → 926). */
const shownTenths = (ratio: number) => Math.round(Number.parseFloat(formatPercent(ratio)) * 10);

/**
 * A change of a rate in percentage points next to the two rates shown: `+2.6 pp` for `92.6% → 95.2%`.
 * Each unrounded rate is rounded once, as it is printed, and the shown values are subtracted, so the three
 * numbers on the line always agree; the exact difference (kept in `--json`) is within 0.1 pp of it,
 * since each shown rate is off by at most 0.05 pp. Subtracting first and rounding after could print
 * `92.6% → 95.2% (+2.5 pp)`, which reads as an arithmetic mistake.
 */
export function formatPointChange(a: number | null, b: number | null): string {
  if (a === null || b === null) return formatNotAvailable();
  return withSign(shownTenths(b) - shownTenths(a), (tenths) => `${(tenths / 10).toFixed(1)} pp`);
}

/** A signed percentage change (`-10.0%`), or `n/a` when it cannot be computed (against 0, or a value not known). */
export function formatChange(percent: number | null): string {
  return percent === null ? formatNotAvailable() : withSign(percent, (abs) => `${abs.toFixed(1)}%`);
}

/** A value in its unit, unsigned: `92.6%`, `$0.1250`, `4h 9m`, `n/a`. */
export function formatValue(value: number | null, unit: CompareUnit): string {
  return value === null ? formatNotAvailable() : magnitude(unit)(value);
}
