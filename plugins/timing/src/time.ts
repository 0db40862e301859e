/** Epoch milliseconds of an ISO 8601 time with any offset (`+13:45`, `-11:00`, `Z`); NaN when unreadable. */
export function epochMs(iso: string): number {
  // Keep milliseconds only: engines differ on more than three fractional digits.
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}
