import { describe, expect, it } from 'vitest';
import { FACT_BUCKET_MS, factBucket } from './facts.js';
import { sumFactRows } from './sum-facts.js';
import { validateMetricPlugin } from './validate.js';
import { callsPlugin, callsTable as calls, countPlugin, foldWith } from '../testing/index.js';

describe('typed facts', () => {
  it('are folded into the report per 15-minute bucket of each event', async () => {
    const { section, facts } = await foldWith<{ calls: number }>(
      callsPlugin(),
      { type: 'tool.call', ts: '2025-11-01T10:14:59Z', name: 'Bash', durationMs: 10, success: true },
      { type: 'tool.call', ts: '2025-11-01T10:15:00Z', name: 'Bash', durationMs: 5, success: true },
      { type: 'tool.call', ts: '2025-11-01T10:16:00Z', name: 'Edit', durationMs: 1.5, success: false },
    );
    expect(section).toEqual({ calls: 3 });
    const b = (iso: string) => Date.parse(iso);
    expect(facts).toEqual({
      calls: [
        { bucket: b('2025-11-01T10:00:00Z'), tool: 'Bash', calls: 1, ms: 10 },
        { bucket: b('2025-11-01T10:15:00Z'), tool: 'Bash', calls: 1, ms: 5 },
        { bucket: b('2025-11-01T10:15:00Z'), tool: 'Edit', calls: 1, ms: 1.5 },
      ],
    });
  });

  it('that do not match their declaration are left out with a warning, and the section is kept', async () => {
    const bad = callsPlugin(() => ({ calls: [{ bucket: 123, tool: 'x', calls: 1, ms: 0 }] }));
    const { section, facts, warnings } = await foldWith<{ calls: number }>(bad, { type: 'tool.call', ts: '2025-11-01T10:00:00Z', name: 'x', success: true });
    expect(section).toEqual({ calls: 1 });
    expect(facts).toBeUndefined();
    expect(warnings).toEqual(['Plugin calls produced fact rows that cannot be stored (a row of calls has bucket 123, not the start of a 15-minute bucket in epoch ms); its section is kept without them.']);
  });

  it('sum per dimension over sessions and buckets, exactly past 2^53 for integers', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const t0 = factBucket('2025-11-01T10:07:00Z');
    const summed = sumFactRows([calls], [
      { calls: [{ bucket: t0, tool: 'Bash', calls: big, ms: 1 }, { bucket: t0, tool: 'Edit', calls: 1, ms: 2 }] },
      { calls: [{ bucket: t0 + FACT_BUCKET_MS, tool: 'Bash', calls: 2, ms: 0.5 }] },
    ]);
    expect(summed['calls']).toEqual([
      { tool: 'Bash', calls: BigInt(big) + 2n, ms: 1.5 },
      { tool: 'Edit', calls: 1, ms: 2 },
    ]);
    expect(sumFactRows([calls], [{ calls: [{ bucket: t0, tool: 'Bash', calls: 1, ms: 0 }, { bucket: t0 + FACT_BUCKET_MS, tool: 'Bash', calls: 1, ms: 0 }] }], { from: t0 + FACT_BUCKET_MS })['calls']).toEqual([{ tool: 'Bash', calls: 1, ms: 0 }]);
  });

  it('declarations are checked when a plugin loads, and version 1 plugins still load', () => {
    expect(validateMetricPlugin(callsPlugin(), 'test').id).toBe('calls');
    expect(validateMetricPlugin(countPlugin(), 'test').apiVersion).toBe(1);
    const broken = (tables: unknown) => ({ ...callsPlugin(), facts: { tables, toSection: () => ({ calls: 0 }) } });
    expect(() => validateMetricPlugin(broken([{ ...calls, measures: [{ name: 'bucket', type: 'integer', description: '' }] }]), 'test')).toThrow(/invalid measure name "bucket"/);
    expect(() => validateMetricPlugin(broken([{ ...calls, dimensions: [{ name: 'tool', type: 'real', description: '' }] }]), 'test')).toThrow(/a dimension is text or integer/);
    expect(() => validateMetricPlugin(broken([calls, calls]), 'test')).toThrow(/declares fact table calls twice/);
    expect(() => validateMetricPlugin({ ...callsPlugin(), apiVersion: 1 }, 'test')).toThrow(/declares facts, which need plugin API 2/);
  });
});
