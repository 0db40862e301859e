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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR_SECONDS = 3600;

/** Splits whole seconds into hours, minutes and seconds. */
function parts(totalSeconds: number): { h: number; m: number; s: number } {
  return { h: Math.floor(totalSeconds / HOUR_SECONDS), m: Math.floor((totalSeconds % HOUR_SECONDS) / 60), s: totalSeconds % 60 };
}

// Durations round to the smallest unit shown (21.8 s is `22s`, 59.6 s is `1m 0s`) rather than truncate;
// the sign is dropped when the magnitude rounds to zero so no `-0ms` is printed.
const signOf = (ms: number, shown: number) => (ms < 0 && shown > 0 ? '-' : '');

/** Milliseconds as `4h 9m 54s`, `9m 5s`, `42s`, or `350ms` under a second; rounded to the unit shown. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const millis = Math.round(abs);
  if (millis < SECOND) return `${signOf(ms, millis)}${millis}ms`;
  const seconds = Math.round(abs / SECOND);
  const { h, m, s } = parts(seconds);
  const sign = signOf(ms, seconds);
  if (h > 0) return `${sign}${h}h ${m}m ${s}s`;
  if (m > 0) return `${sign}${m}m ${s}s`;
  return `${sign}${s}s`;
}

/** Milliseconds without the smallest unit once hours show: `4h 10m` (rounded to the minute), `9m 5s`, `42s`. */
export function formatDurationShort(ms: number): string {
  const abs = Math.abs(ms);
  // The unit is chosen from the value as formatDuration would show it, then the minutes are rounded
  // from the exact value (not from rounded seconds), so 1h 0m 29.6s is `1h 0m`, never `1h 1m`.
  if (Math.round(abs / SECOND) < HOUR_SECONDS) return formatDuration(ms);
  const minutes = Math.round(abs / MINUTE);
  return `${signOf(ms, minutes)}${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** What to print for a number that cannot be known: `n/a (reason)`. */
export function formatNotAvailable(reason?: string): string {
  return reason ? `n/a (${reason})` : 'n/a';
}

/** Shortens a long id for tables: the first 23 characters and `...`, as in the spec's history. */
export function shortenId(id: string, keep = 23): string {
  return id.length > keep + 3 ? `${id.slice(0, keep)}...` : id;
}
