import { describe, expect, it } from 'vitest';
import { formatChange, formatDelta, formatValue } from './format-delta.js';

describe('compare formatting', () => {
  it('signs counts with commas, money as USD and durations short', () => {
    expect(formatDelta(-5200, 'tokens')).toBe('-5,200');
    expect(formatDelta(12, 'count')).toBe('+12');
    expect(formatDelta(-0.015, 'usd')).toBe('-$0.0150');
    expect(formatDelta(-(1 * 3600 + 54 * 60 + 3) * 1000, 'duration')).toBe('-1h 54m');
  });
  it('shows ratio changes in percentage points', () => {
    expect(formatDelta(0.952 - 0.926, 'ratio')).toBe('+2.6%');
    expect(formatValue(0.926, 'ratio')).toBe('92.6%');
  });
  it('prints n/a for what cannot be computed', () => {
    expect(formatDelta(null, 'count')).toBe('n/a');
    expect(formatChange(null)).toBe('n/a');
    expect(formatChange(-10)).toBe('-10.0%');
    expect(formatChange(0)).toBe('0.0%');
  });
});
