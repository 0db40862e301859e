import { describe, expect, it } from 'vitest';
import { formatChange, formatDelta, formatPointChange, formatValue } from './format-delta.js';

describe('compare formatting', () => {
  it('signs counts with commas, money as USD and durations short', () => {
    expect(formatDelta(-5200, 'tokens')).toBe('-5,200');
    expect(formatDelta(12, 'count')).toBe('+12');
    expect(formatDelta(-0.015, 'usd')).toBe('-$0.0150');
    expect(formatDelta(-(1 * 3600 + 54 * 60 + 3) * 1000, 'duration')).toBe('-1h 54m');
  });
  it('shows ratio changes in percentage points', () => {
    expect(formatDelta(0.952 - 0.926, 'ratio')).toBe('+2.6 pp');
    expect(formatValue(0.926, 'ratio')).toBe('92.6%');
  });
  it('labels a change of a rate in percentage points that agree with the two rates shown', () => {
    // 214/231 → 138/145 is 92.641% → 95.172%: exactly +2.53 pp, shown as 92.6% → 95.2%.
    expect([formatValue(214 / 231, 'ratio'), formatValue(138 / 145, 'ratio'), formatPointChange(214 / 231, 138 / 145)]).toEqual(['92.6%', '95.2%', '+2.6 pp']);
    expect(formatPointChange(0.95172, 0.92641)).toBe('-2.6 pp');
    expect(formatPointChange(0.8, 0.8)).toBe('0.0 pp');
    expect(formatPointChange(0.9264, null)).toBe('n/a');
  });
  it('prints n/a for what cannot be computed', () => {
    expect(formatDelta(null, 'count')).toBe('n/a');
    expect(formatChange(null)).toBe('n/a');
    expect(formatChange(-10)).toBe('-10.0%');
    expect(formatChange(0)).toBe('0.0%');
  });
});
