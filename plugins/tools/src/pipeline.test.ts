import { mkdirSync, writeFileSync } from 'node:fs';
import type { MetricPlugin } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { toolsPlugin } from './plugin.js';
import type { ToolsSection } from './section.js';

/** Another plugin, to show that switching tools off leaves the rest alone. */
const countPlugin: MetricPlugin<{ events: number }> = {
  id: 'count',
  apiVersion: 1,
  title: 'Count',
  description: 'Counts events',
  section: { safeParse: (v: unknown) => ({ success: true as const, data: v as { events: number } }) },
  createCollector: () => {
    let events = 0;
    return { add: () => void (events += 1), finish: () => ({ events }) };
  },
  merge: (all) => ({ events: all.reduce((n, s) => n + s.events, 0) }),
  report: { session: (s) => [{ kind: 'fields', title: 'Interaction Summary', rows: [{ label: 'Events', value: String(s.events), order: 99 }] }] },
};

describe('tools through the real pipeline', () => {
  it('folds recorded calls, parallel and in far time zones, into the stored section', async () => {
    const host = await testHost([toolsPlugin]);
    const rec = await host.recorders.start({ agent: 'test' });
    // Two calls that ran at the same time, stamped in +13:45 and -11:00: each keeps its own duration.
    rec.record({ type: 'tool.call', ts: '2026-05-02T00:00:10.000+13:45', name: 'Bash', durationMs: 10_000, success: true, decision: 'auto_accept' });
    rec.record({ type: 'tool.call', ts: '2026-05-01T00:15:10.000-11:00', name: 'Bash', durationMs: 10_000, success: false });
    rec.record({ type: 'tool.call', name: 'Read', success: true, decision: 'reject' });
    const report = await rec.end();
    const s = report.sections.tools as ToolsSection;
    expect(s).toMatchObject({ calls: 3, succeeded: 2, failed: 1, timedCalls: 2, totalDurationMs: 20_000 });
    expect(s.tools[0]).toMatchObject({ name: 'Bash', calls: 2, totalDurationMs: 20_000 });
    expect(s.decisions).toEqual({ accept: 0, reject: 1, modify: 0, autoAccept: 1 });
    const reloaded = await host.store.load(rec.sessionId);
    expect(reloaded.report.sections.tools).toEqual(s);
  });

  it('previews a live session with the calls made so far', async () => {
    const host = await testHost([toolsPlugin]);
    const rec = await host.recorders.start({ agent: 'test' });
    rec.record({ type: 'tool.call', name: 'Edit', durationMs: 40, success: true });
    const preview = await host.folder.foldJournal(rec.sessionId);
    expect(preview.status).toBe('live');
    expect(preview.sections.tools).toMatchObject({ calls: 1, totalDurationMs: 40 });
    await rec.end();
  });

  it("shows an original Radium report's zero counters as not recorded", async () => {
    const host = await testHost([toolsPlugin]);
    const id = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';
    mkdirSync(host.paths.sessionsDir, { recursive: true });
    const metrics = { session_id: id, start_time: '2025-12-07T04:00:00.123456789Z', end_time: null, tool_calls: 0, successful_tool_calls: 0, failed_tool_calls: 0 };
    writeFileSync(host.paths.reportFile(id), JSON.stringify({ metrics }));
    const s = (await host.store.load(id)).report.sections.tools as ToolsSection;
    expect(s).toMatchObject({ calls: null, callsReason: 'not recorded by the original Radium' });
    expect(toolsPlugin.report.history!(s)[0]!.value).toBe('n/a (not recorded by the original Radium)');
  });

  it('switched off in config, it leaves no section and no rows, and other plugins are untouched', async () => {
    const run = async (env: NodeJS.ProcessEnv) => {
      const host = await testHost([toolsPlugin, countPlugin], { env });
      const rec = await host.recorders.start({ agent: 'test' });
      rec.record({ type: 'tool.call', name: 'Edit', success: true });
      const report = await rec.end();
      const rows = host.plugins.flatMap(({ plugin }) => plugin.report.session?.(report.sections[plugin.id]) ?? []);
      return { report, rows };
    };
    const on = await run({});
    const off = await run({ RADIUM_STATS_CONFIG: JSON.stringify({ collectors: { tools: { enabled: false } } }) });
    expect(Object.keys(on.report.sections)).toEqual(['tools', 'count']);
    expect(Object.keys(off.report.sections)).toEqual(['count']);
    expect(off.report.sections.count).toEqual(on.report.sections.count);
    expect(JSON.stringify(off.rows)).not.toMatch(/Tool Calls|Success Rate|Tool Usage/);
    expect(off.rows).toEqual(on.rows.filter((b) => JSON.stringify(b).includes('Events')));
  });
});
