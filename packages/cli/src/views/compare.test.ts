import { describe, expect, it } from 'vitest';
import { testHost } from '@radium-stats/core/testing';
import { tallyPlugin, throwingPlugin } from '../../test/fixtures/plugins.js';
import { compareReports, difference } from './compare.js';

describe('difference', () => {
  it('is b - a with the percentage of a', () => {
    expect(difference(52000, 46800)).toEqual({ delta: -5200, percent: -10 });
  });
  it('gives no percentage against 0 instead of a made-up number', () => {
    expect(difference(0, 5)).toEqual({ delta: 5, percent: null });
  });
  it('gives neither when a value is not known', () => {
    expect(difference(null, 5)).toEqual({ delta: null, percent: null });
  });
});

describe('compareReports', () => {
  it('groups rows by section in order, skips plugins missing from a session and survives a throwing plugin', async () => {
    const host = await testHost([throwingPlugin('boom'), tallyPlugin('late', 'acme.a', { order: 60 }), tallyPlugin('early', 'acme.a', { order: 10 })]);
    const a = await host.recorders.start({ sessionId: 'a' });
    a.record({ type: 'acme.a', ms: 1000 });
    const reportA = await a.end();
    const b = await host.recorders.start({ sessionId: 'b' });
    b.record({ type: 'acme.a', ms: 500 });
    b.record({ type: 'acme.a', ms: 500 });
    const reportB = await b.end();
    delete reportB.sections.late;

    const result = compareReports(reportA, reportB, host.plugins, host.warnings.warn);
    expect(result.a).toBe('a');
    expect(result.rows.map((r) => `${r.section}/${r.label}`)).toEqual(['Tally early/Delta', 'Tally early/Time']);
    expect(result.rows[0]).toMatchObject({ a: 1, b: 2, delta: 1, percent: 100, detail: { a: '1', b: '2' } });
    expect(result.rows[1]).toMatchObject({ unit: 'duration', delta: 0, percent: 0 });
    expect(result.skipped).toEqual([{ plugin: 'late', reason: 'not measured in session B' }]);
    expect(host.warnings.messages).toEqual(['Plugin boom failed in report.compare (reporter exploded); its output is left out.']);
  });
});
