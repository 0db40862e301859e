import { describe, expect, it } from 'vitest';
import { addNanoUsd, nanoToUsd, nanoUsdSchema, nonNegativeNanoUsdSchema, storedNanoUsd, subtractNanoUsd, toNanoUsd } from './nano-usd.js';

const MAX = Number.MAX_SAFE_INTEGER;

describe('nano-dollar amounts', () => {
  it('add as plain numbers while the sum is a safe integer', () => {
    expect(addNanoUsd(1, 2)).toBe(3);
    expect(addNanoUsd(MAX - 1, 1)).toBe(MAX);
    expect(subtractNanoUsd(5, 7)).toBe(-2);
  });

  it('add exactly past 2^53 - 1, where numbers would lose digits, as a string of digits', () => {
    expect(MAX + 2).toBe(MAX + 1); // what a plain number sum would store
    expect(addNanoUsd(MAX, 2)).toBe('9007199254740993');
    expect(addNanoUsd('9007199254740993', 1)).toBe('9007199254740994');
    expect(addNanoUsd('9007199254740993', '-9007199254740993')).toBe(0);
    expect(subtractNanoUsd(-MAX, 2)).toBe('-9007199254740993');
    expect(subtractNanoUsd('9007199254740993', 2)).toBe(MAX);
    // A per-request cost can itself be an integer-valued number above 2^53 (a billion tokens at the price ceiling).
    expect(addNanoUsd(5e16, 1)).toBe('50000000000000001');
  });

  it('sum a thousand ~$9 million amounts to the nano-dollar', () => {
    let total: number | string = 0;
    for (let i = 0; i < 1_000; i += 1) total = addNanoUsd(total, 9_000_000_123_456_789);
    expect(total).toBe('9000000123456789000');
    expect(nanoToUsd(total)).toBeCloseTo(9_000_000_123.456789, 3);
  });

  it('are stored as numbers when safe and digits when not, and validate in both forms', () => {
    expect(storedNanoUsd(5n)).toBe(5);
    expect(storedNanoUsd(BigInt(MAX) + 1n)).toBe('9007199254740992');
    expect(nonNegativeNanoUsdSchema.safeParse('9007199254740992').success).toBe(true);
    expect(nonNegativeNanoUsdSchema.safeParse(12).success).toBe(true);
    expect(nonNegativeNanoUsdSchema.safeParse('-1').success).toBe(false);
    expect(nonNegativeNanoUsdSchema.safeParse(MAX + 1).success).toBe(false);
    expect(nonNegativeNanoUsdSchema.safeParse('1e20').success).toBe(false);
    expect(nanoUsdSchema.safeParse('-9007199254740993').success).toBe(true);
    expect(nanoUsdSchema.safeParse(1.5).success).toBe(false);
  });

  it('round a request once to whole nano-dollars', () => {
    expect(toNanoUsd(0.0000012345)).toBe(1235);
  });
});
