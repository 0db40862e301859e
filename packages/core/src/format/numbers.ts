import { formatDecimal } from './decimal.js';

/** `31056954` → `31,056,954`. */
export function formatInteger(n: number): string {
  return formatDecimal(n, 0);
}

/** `0.125` → `$0.1250`; negative amounts as `-$0.0150`. */
export function formatUsd(amount: number): string {
  const text = formatDecimal(Math.abs(amount), 4);
  return amount < 0 && text !== '0.0000' ? `-$${text}` : `$${text}`;
}

/** `0.92641` → `92.6%` (a ratio, not a percentage). */
export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** Signs a formatted magnitude: `+12`, `-5,200`, `0`. */
export function withSign(n: number, format: (abs: number) => string): string {
  if (n === 0) return format(0);
  return `${n < 0 ? '-' : '+'}${format(Math.abs(n))}`;
}

function parts(ms: number): { h: number; m: number; s: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return { h: Math.floor(total / 3600), m: Math.floor((total % 3600) / 60), s: total % 60 };
}

/** Milliseconds as `4h 9m 54s`, `9m 5s`, `42s`, or `350ms` under a second. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  if (Math.abs(ms) < 1000) return `${sign}${Math.round(Math.abs(ms))}ms`;
  const { h, m, s } = parts(ms);
  if (h > 0) return `${sign}${h}h ${m}m ${s}s`;
  if (m > 0) return `${sign}${m}m ${s}s`;
  return `${sign}${s}s`;
}

/** Milliseconds without the smallest unit once hours show: `4h 9m`, `9m 5s`, `42s`. */
export function formatDurationShort(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const { h, m } = parts(ms);
  if (h > 0) return `${sign}${h}h ${m}m`;
  return formatDuration(ms);
}

/** What to print for a number that cannot be known: `n/a (reason)`. */
export function formatNotAvailable(reason?: string): string {
  return reason ? `n/a (${reason})` : 'n/a';
}

/** Shortens a long id for tables: the first 23 characters and `...`, as in the spec's history. */
export function shortenId(id: string, keep = 23): string {
  return id.length > keep + 3 ? `${id.slice(0, keep)}...` : id;
}
