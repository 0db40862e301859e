import { describe, expect, it } from 'vitest';
import { compactNumber } from '../output/compact-number.js';
import { costBar, renderTimeView } from './render-time-view.js';
import type { TimeViewJson } from './time-view.js';

describe('time view drawing', () => {
  it('shortens numbers to at most six characters, rounding at each unit edge', () => {
    expect([0, 999, 1000, 1049, 99_949, 99_950, 999_499, 999_950, 12_345_678, 4e12].map(compactNumber)).toEqual(['0', '999', '1.0K', '1.0K', '99.9K', '100K', '999K', '1.0M', '12.3M', '4.0T']);
  });

  it('draws cost bars in eighths of a cell, never empty for a cost above zero', () => {
    expect(costBar(10, 10, 5)).toBe('█████');
    expect(costBar(5, 10, 5)).toBe('██▌');
    expect(costBar(0.0001, 10, 5)).toBe('▏');
    expect(costBar(0, 10, 5)).toBe('');
  });

  it('marks a cost that leaves out unpriced responses, and escapes model names', () => {
    const usage = { requests: 1, inputTokens: 10, outputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, unpricedRequests: 1, costUsd: null, pricedCostUsd: 0 };
    const view: TimeViewJson = { timezone: 'UTC', unit: 'day', periods: [{ period: '2026-11-03', sessions: 1, ...usage, models: [{ model: 'evil\u001b[2J', ...usage }] }], total: { sessions: 1, ...usage } };
    const text = renderTimeView(view, { breakdown: true, width: 80 });
    expect(text).toContain('$0.00*');
    expect(text).toContain('* Part of the cost is unknown');
    expect(text).not.toContain('\u001b');
  });
});
