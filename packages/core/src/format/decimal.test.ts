import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal.js';

/** The formatter rad printed numbers with before, the reference for every case. */
const intl = (places: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: places, maximumFractionDigits: places });

/** Deterministic pseudo-random doubles over many magnitudes (no seed-less flakiness). */
function* samples(count: number): Generator<number> {
  let state = 0x2545f491;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (let i = 0; i < count; i++) {
    const magnitude = 10 ** Math.floor(next() * 30 - 10);
    yield (next() - 0.5) * magnitude;
  }
}

const EDGES = [
  0, -0, 0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 1.005, 1.00005, 0.00015, 0.00005, 0.000049999, 1e-7, 123456.78905,
  999.99995, 9999999.5, 31056954, 2 ** 53 - 1, 2 ** 53 + 2, 1e21, 1.5e22, Number.MAX_VALUE, Number.MIN_VALUE, -0.4,
  NaN, Infinity, -Infinity,
];

describe('formatDecimal', () => {
  it('prints integers with thousands separators: 31056954 → 31,056,954', () => {
    expect(formatDecimal(31056954, 0)).toBe('31,056,954');
    expect(formatDecimal(0.125, 4)).toBe('0.1250');
  });

  it.each([0, 4])('matches the en-US Intl formatter at %i places on edge cases', (places) => {
    for (const n of EDGES) expect(formatDecimal(n, places), String(n)).toBe(intl(places).format(n));
  });

  it.each([0, 2, 4])('matches the en-US Intl formatter at %i places on 20,000 values of every magnitude', (places) => {
    const reference = intl(places);
    for (const n of samples(20_000)) expect(formatDecimal(n, places), String(n)).toBe(reference.format(n));
  });

  it.each([0, 4])('rounds halves away from zero as the Intl formatter does at %i places', (places) => {
    const reference = intl(places);
    for (let i = 0; i < 5_000; i++) {
      const n = Number(`${i * 7919 + 0.5}e-${places}`) * (i % 2 ? -1 : 1);
      expect(formatDecimal(n, places), String(n)).toBe(reference.format(n));
    }
  });
});
