import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetricPlugin } from '../plugin/contract.js';
import { testHost } from '../testing/index.js';

/** A minimal real plugin: counts events by type. */
const countPlugin: MetricPlugin<{ byType: Record<string, number> }> = {
  id: 'count',
  apiVersion: 1,
  title: 'Count',
  description: 'Counts events by type',
  section: { safeParse: (v: unknown) => ({ success: true as const, data: v as { byType: Record<string, number> } }) },
  createCollector: () => {
    const byType: Record<string, number> = {};
    return { add: (e) => void (byType[e.type] = (byType[e.type] ?? 0) + 1), finish: () => ({ byType }) };
  },
  merge: (all) => ({ byType: Object.assign({}, ...all.map((s) => s.byType)) }),
  report: {},
};

describe('recorder', () => {
  it('journals every event as it happens and writes the report at the end', async () => {
    const host = await testHost([countPlugin]);
    const rec = await host.recorders.start({ agent: 'test' });
    rec.record({ type: 'tool.call', name: 'Edit', durationMs: 5, success: true });
    const journal = readFileSync(host.paths.journalFile(rec.sessionId), 'utf8').trim().split('\n');
    expect(journal.map((l) => JSON.parse(l).type)).toEqual(['session.start', 'tool.call']);
    const report = await rec.end();
    expect(report.status).toBe('ended');
    expect(report.sections.count).toEqual({ byType: { 'session.start': 1, 'tool.call': 1, 'session.end': 1 } });
    const onDisk = JSON.parse(readFileSync(host.paths.reportFile(rec.sessionId), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.plugins).toEqual(['count']);
  });
});
