import { mkdirSync, writeFileSync } from 'node:fs';
import type { MetricPlugin } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { timingPlugin } from './plugin.js';
import type { TimingSection } from './section.js';

/** A clock the test moves by hand. */
function manualClock(iso: string) {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

/** Another plugin, to show that switching timing off leaves the rest alone. */
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
  report: { session: (s) => [{ kind: 'fields', title: 'Performance', order: 20, rows: [{ label: 'Events', value: String(s.events), order: 99 }] }] },
};

describe('timing through the real pipeline', () => {
  it('stores wall, API, tool and busy time of a recorded session with parallel calls in far time zones', async () => {
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const host = await testHost([timingPlugin], { now: clock.now });
    const rec = await host.recorders.start({ agent: 'test' });
    // 09:01:00Z written as +13:45 and 09:01:30Z as -11:00; the API call overlaps the tool call by 20 s.
    rec.record({ type: 'tool.call', ts: '2026-05-01T22:46:00.000+13:45', name: 'Bash', durationMs: 30_000, success: true });
    rec.record({ type: 'api.response', ts: '2026-04-30T22:01:30.000-11:00', model: 'm', engine: 'e', durationMs: 50_000 });
    rec.record({ type: 'api.error', ts: '2026-05-01T09:02:00.000Z', model: 'm', engine: 'e', durationMs: 5_000, error: 'overloaded' });
    clock.advance(10 * 60_000);
    const report = await rec.end();
    const s = report.sections.timing as TimingSection;
    expect(s.wallTime.ms).toBe(600_000);
    expect(s.apiTime).toMatchObject({ ms: 55_000, timed: 2 });
    expect(s.toolTime.ms).toBe(30_000);
    expect(s.agentActive.ms).toBe(85_000);
    expect(s.busyTime.ms).toBe(65_000);
    expect((await host.store.load(rec.sessionId)).report.sections.timing).toEqual(s);
  });

  it("previews a live session's wall time up to now", async () => {
    const clock = manualClock('2026-05-01T09:00:00.000Z');
    const host = await testHost([timingPlugin], { now: clock.now });
    const rec = await host.recorders.start({ agent: 'test' });
    clock.advance(90_000);
    rec.record({ type: 'tool.call', name: 'Read', durationMs: 1000, success: true });
    clock.advance(30_000);
    const preview = await host.folder.foldJournal(rec.sessionId);
    expect(preview.status).toBe('live');
    expect(preview.sections.timing).toMatchObject({ liveSessions: 1, wallTime: { ms: 120_000 }, busyTime: { ms: 1000 } });
    await rec.end();
  });

  it("reads an original Radium report's times", async () => {
    const host = await testHost([timingPlugin]);
    const id = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';
    mkdirSync(host.paths.sessionsDir, { recursive: true });
    const metrics = {
      session_id: id, start_time: '2025-12-07T04:00:00.123456789Z', end_time: '2025-12-07T05:00:00.123456789Z',
      wall_time: { secs: 3600, nanos: 0 }, agent_active_time: { secs: 1800, nanos: 0 }, api_time: { secs: 1, nanos: 200000000 }, tool_time: { secs: 1798, nanos: 800000000 },
      tool_calls: 0, model_usage: {}, engine_usage: {},
    };
    writeFileSync(host.paths.reportFile(id), JSON.stringify({ metrics, generated_at: '2025-12-07T05:00:00.223456789Z' }));
    const s = (await host.store.load(id)).report.sections.timing as TimingSection;
    expect(s).toMatchObject({ wallTime: { ms: 3_600_000 }, agentActive: { ms: 1_800_000 }, apiTime: { ms: 1200 }, busyTime: { ms: null } });
  });

  it('switched off in config, it leaves no section and no rows, and other plugins are untouched', async () => {
    const run = async (env: NodeJS.ProcessEnv) => {
      const clock = manualClock('2026-05-01T09:00:00.000Z');
      const host = await testHost([timingPlugin, countPlugin], { env, now: clock.now });
      const rec = await host.recorders.start({ agent: 'test' });
      rec.record({ type: 'tool.call', name: 'Edit', durationMs: 10, success: true });
      clock.advance(1000);
      const report = await rec.end();
      const blocks = host.plugins.flatMap(({ plugin }) => plugin.report.session?.(report.sections[plugin.id]) ?? []);
      return { report, blocks };
    };
    const on = await run({});
    const off = await run({ RADIUM_STATS_DISABLE: 'timing' });
    expect(Object.keys(on.report.sections)).toEqual(['timing', 'count']);
    expect(Object.keys(off.report.sections)).toEqual(['count']);
    expect(off.report.sections.count).toEqual(on.report.sections.count);
    expect(JSON.stringify(off.blocks)).not.toMatch(/Wall Time|Agent Active|API Time|Tool Time|Busy Time/);
    expect(off.blocks).toEqual(on.blocks.filter((b) => JSON.stringify(b).includes('Events')));
  });
});
