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

/** A signed difference: `-5,200`, `-$0.0150`, `-1h 54m`; a ratio's difference in percentage points (`+2.6%`). */
export function formatDelta(delta: number | null, unit: CompareUnit): string {
  return delta === null ? formatNotAvailable() : withSign(delta, magnitude(unit));
}

/** A signed percentage change (`-10.0%`), or `n/a` when it cannot be computed (against 0, or a value not known). */
export function formatChange(percent: number | null): string {
  return percent === null ? formatNotAvailable() : withSign(percent, (abs) => `${abs.toFixed(1)}%`);
}

/** A value in its unit, unsigned: `92.6%`, `$0.1250`, `4h 9m`, `n/a`. */
export function formatValue(value: number | null, unit: CompareUnit): string {
  return value === null ? formatNotAvailable() : magnitude(unit)(value);
}
