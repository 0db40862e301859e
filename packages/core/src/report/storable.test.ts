import { describe, expect, it } from 'vitest';
import type { MetricPlugin } from '../plugin/contract.js';
import { countPlugin, testHost } from '../testing/index.js';

/** A plugin whose section is whatever `value` gives, checked by a schema that wants a finite safe integer. */
function valuePlugin(value: () => unknown): MetricPlugin<{ n: number }> {
  const ok = (v: unknown): v is { n: number } => typeof v === 'object' && v !== null && Number.isSafeInteger((v as { n: unknown }).n);
  return {
    ...(countPlugin('value') as unknown as MetricPlugin<{ n: number }>),
    section: { safeParse: (v: unknown) => (ok(v) ? { success: true as const, data: v } : { success: false as const, error: { message: 'n: expected a safe integer' } }) },
    // The section is deliberately not what its type says: that is what the write-time check is for.
    createCollector: () => ({ add: () => {}, finish: () => ({ n: value() as number }) }),
    merge: (all) => ({ n: all.reduce((s, x) => s + x.n, 0) }),
  };
}

describe('writing a report', () => {
  it.each([
    ['a number past 2^53', 2 ** 53 + 2],
    ['Infinity, which JSON stores as null', Infinity],
    ['a BigInt, which JSON cannot store', 1n],
  ])('leaves out a section holding %s, with a warning, instead of writing a report that fails its own schema', async (_, n) => {
    const host = await testHost([countPlugin(), valuePlugin(() => n)]);
    const rec = await host.recorders.start();
    const report = await rec.end();
    expect(report.plugins).toEqual(['count']);
    expect(host.warnings.messages.join('\n')).toMatch(/^Plugin value produced a section that (does not match its own schema \(n: expected a safe integer\)|cannot be written as JSON \(.*\)); it is left out\.$/m);
    const { report: read } = await host.store.load(rec.sessionId);
    expect(Object.keys(read.sections)).toEqual(['count']);
  });

  it('keeps a section that reads back valid', async () => {
    const host = await testHost([valuePlugin(() => 2 ** 53 - 1)]);
    const report = await (await host.recorders.start()).end();
    expect(report.sections.value).toEqual({ n: 2 ** 53 - 1 });
    expect(host.warnings.messages).toEqual([]);
  });
});
