import { formatDecimal } from '@radium-stats/core';

/** `1234` → `1.2K`, `12345678` → `12.3M`: at most six characters, for narrow terminals. */
export function compactNumber(n: number): string {
  if (Math.abs(n) < 1000) return String(n);
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  for (const [unit, size] of [['K', 1e3], ['M', 1e6], ['B', 1e9], ['T', 1e12]] as const) {
    const scaled = abs / size;
    if (scaled < 999.95 || unit === 'T') return `${sign}${scaled < 99.95 ? formatDecimal(scaled, 1) : formatDecimal(scaled, 0)}${unit}`;
  }
  return String(n);
}

const GROUPED_INTEGER = /^(-?)(\d{1,3}(?:,\d{3})+)$/;

/** A cell holding a whole number with thousands separators (`31,056,954`) shortened as compactNumber does; any other text as it is. */
export function compactCell(cell: string): string {
  const match = GROUPED_INTEGER.exec(cell);
  return match ? compactNumber(Number(`${match[1]}${match[2]!.replace(/,/g, '')}`)) : cell;
}
