import { z } from 'zod';

const NANO_PER_USD = 1_000_000_000;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** USD as integer nano-dollars; rounding once per request keeps every later sum exact. */
export function toNanoUsd(usd: number): number {
  return Math.round(usd * NANO_PER_USD);
}

/**
 * A whole number of nano-dollars as reports store it: a JSON number while it is a safe integer, and
 * a string of decimal digits past 2^53 - 1 (about $9 million, which a team's merged history can
 * reach), where a JSON number would silently lose the last digits.
 */
export type NanoUsd = number | string;

/** A stored nano-dollar amount, possibly negative (savings). */
export const nanoUsdSchema = z.union([z.number().int(), z.string().regex(/^-?(?:0|[1-9][0-9]*)$/, 'expected an integer or a string of digits')]);

/** A stored nano-dollar amount that cannot be negative (costs). */
export const nonNegativeNanoUsdSchema = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^(?:0|[1-9][0-9]*)$/, 'expected a non-negative integer or a string of digits'),
]);

/** The stored form of an exact amount: a number while it is a safe integer, its digits beyond. */
export function storedNanoUsd(value: bigint): NanoUsd {
  return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
}

/** `a + b` exactly: number addition while everything stays a safe integer (the usual case), BigInt past it. */
export function addNanoUsd(a: NanoUsd, b: NanoUsd): NanoUsd {
  if (typeof a === 'number' && typeof b === 'number' && Number.isSafeInteger(a) && Number.isSafeInteger(b)) {
    // Two safe integers whose float sum is safe summed exactly: rounding would have to cross 2^53 first.
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return storedNanoUsd(BigInt(a) + BigInt(b));
}

/** `a - b` exactly, as addNanoUsd adds. */
export function subtractNanoUsd(a: NanoUsd, b: NanoUsd): NanoUsd {
  return addNanoUsd(a, typeof b === 'number' ? -b : storedNanoUsd(-BigInt(b)));
}

/** Nano-dollars as USD (a float: exact to the cent far beyond any real total). */
export function nanoToUsd(nano: NanoUsd): number {
  return Number(nano) / NANO_PER_USD;
}
