const NANO_PER_USD = 1_000_000_000;

/** USD as integer nano-dollars; rounding once per request keeps every later sum exact. */
export function toNanoUsd(usd: number): number {
  return Math.round(usd * NANO_PER_USD);
}

/** Integer nano-dollars as USD. */
export function nanoToUsd(nano: number): number {
  return nano / NANO_PER_USD;
}
