import { describe, expect, it } from 'vitest';
import { renderComparison } from './render-compare.js';

describe('renderComparison', () => {
  it('lays out sections as in the spec', () => {
    const text = renderComparison({
      a: '3c6ddcd3-85b6-48f1-88e1-f428ca458337',
      b: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      rows: [
        { section: 'Token Usage', label: 'Delta', unit: 'tokens', a: 52000, b: 46800, delta: -5200, percent: -10, detail: { a: '50000 input, 2000 output (total: 52000)', b: '45000 input, 1800 output (total: 46800)' } },
        { section: 'Performance', label: 'Wall Time', unit: 'duration', a: 14_994_000, b: 8_070_000, delta: -6_924_000, percent: -46.18 },
        { section: 'Tool Calls', label: 'Success Rate', unit: 'ratio', a: 0.926, b: 0.952, delta: 0.026, percent: 2.8 },
        { section: 'Tool Calls', label: 'New', unit: 'count', a: 0, b: 4, delta: 4, percent: null },
      ],
      skipped: [{ plugin: 'git', reason: 'not measured in session B' }],
    });
    expect(text.split('\n')).toEqual([
      'Session Comparison',
      '═══════════════════',
      '',
      'Session A: 3c6ddcd3-85b6-48f1-88e1-f428ca458337',
      'Session B: a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      '',
      'Token Usage',
      '───────────',
      '  Session A: 50000 input, 2000 output (total: 52000)',
      '  Session B: 45000 input, 1800 output (total: 46800)',
      '  Delta: -5,200 (-10.0%)',
      '',
      'Performance',
      '───────────',
      '  Wall Time: -1h 55m (-46.2%)',
      '',
      'Tool Calls',
      '──────────',
      '  Success Rate: 92.6% → 95.2% (+2.6 pp)',
      '  New: +4 (n/a)',
      '',
      'Not compared: git (not measured in session B)',
    ]);
  });
});
