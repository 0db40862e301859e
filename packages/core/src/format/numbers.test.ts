import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationShort } from './numbers.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('formatDuration rounds to the unit shown', () => {
  it.each([
    [0, '0ms'],
    [349.4, '349ms'],
    [349.5, '350ms'],
    [999.4, '999ms'],
    [999.5, '1s'],
    [21.4 * S, '21s'],
    [21.5 * S, '22s'],
    [21.8 * S, '22s'],
    [59.4 * S, '59s'],
    [59.6 * S, '1m 0s'],
    [9 * M + 5.5 * S, '9m 6s'],
    [59 * M + 59.5 * S, '1h 0m 0s'],
    [4 * H + 9 * M + 54.7 * S, '4h 9m 55s'],
    [23 * H + 59 * M + 59.9 * S, '24h 0m 0s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('rounds a negative duration like a positive one, and never prints -0', () => {
    expect(formatDuration(-21.8 * S)).toBe('-22s');
    expect(formatDuration(-59.6 * S)).toBe('-1m 0s');
    expect(formatDuration(-0.4)).toBe('0ms');
  });
});

describe('formatDurationShort rounds to the minute once hours show', () => {
  it.each([
    [42.5 * S, '43s'],
    [59 * M + 59.4 * S, '59m 59s'],
    [59 * M + 59.5 * S, '1h 0m'],
    [H + 29.6 * S, '1h 0m'],
    [H + 30 * S, '1h 1m'],
    [4 * H + 9 * M + 54 * S, '4h 10m'],
    [H + 59 * M + 30 * S, '2h 0m'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatDurationShort(ms)).toBe(text);
  });

  it('rounds a negative difference like a positive one', () => {
    expect(formatDurationShort(-(H + 53 * M + 31 * S))).toBe('-1h 54m');
    expect(formatDurationShort(-59.6 * S)).toBe('-1m 0s');
  });
});
