import { describe, expect, it } from 'vitest';
import { formatLatency } from './format.js';

describe('formatLatency rounds into the next unit instead of printing 1000ms or 60.0s', () => {
  it.each([
    [849.6, '850ms'],
    [999.4, '999ms'],
    [999.6, '1.0s'],
    [2_449, '2.4s'],
    [2_450, '2.5s'],
    [59_949, '59.9s'],
    [59_960, '1m 0s'],
    [65_400, '1m 5s'],
    [65_600, '1m 6s'],
  ])('%d ms is %s', (ms, text) => {
    expect(formatLatency(ms)).toBe(text);
  });

  it('says n/a when no response recorded a latency', () => {
    expect(formatLatency(null)).toBe('n/a');
  });
});
