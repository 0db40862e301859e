/** Thousands separators in a string of digits: `31056954` → `31,056,954`. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The digits of `x` (finite, not negative) times 10^`places`, rounded half away from zero, as a string.
 * Rounds the shortest decimal that reads back as `x` (what `String(x)` prints), as ICU does, so that
 * `1.005` to two places is `1.01`, not the `1.00` of `toFixed`.
 */
function scaledDigits(x: number, places: number): string {
  const [coefficient = '0', exponent = '0'] = String(x).split('e');
  const [whole = '0', fraction = ''] = coefficient.split('.');
  const all = whole + fraction;
  const significant = all.replace(/^0+/, '');
  if (significant === '') return '0';
  // Digits of `significant` that stand left of the rounding point.
  const keep = whole.length + Number(exponent) - (all.length - significant.length) + places;
  if (keep < 0) return '0';
  const kept = significant.slice(0, keep).padEnd(keep, '0');
  const roundUp = (significant[keep] ?? '0') >= '5';
  return roundUp ? (BigInt(kept || '0') + 1n).toString() : kept.replace(/^0+(?=\d)/, '') || '0';
}

/**
 * `n` with exactly `places` decimals and en-US thousands separators, the same text as
 * `new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places })`
 * without that formatter's ICU start-up cost (~20 ms, paid by every command that prints a number).
 */
export function formatDecimal(n: number, places: number): string {
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return `${sign}∞`;
  const digits = scaledDigits(Math.abs(n), places).padStart(places + 1, '0');
  const whole = groupThousands(digits.slice(0, digits.length - places));
  return places > 0 ? `${sign}${whole}.${digits.slice(digits.length - places)}` : `${sign}${whole}`;
}
