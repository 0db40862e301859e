import { foldSession, legacyMetricsSchema, sumFactRows, type BucketRange, type FactRows } from '@radium-stats/core';
import { collectingWarnings, events, tempDir, testServices } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { timingFromLegacy } from './legacy.js';
import { mergeTiming } from './merge.js';
import { timingPlugin } from './plugin.js';
import type { TimingSection } from './section.js';

const facts = timingPlugin.facts!;
const at = (iso: string) => Date.parse(iso);

interface Session {
  section: TimingSection;
  facts: FactRows;
}

/** Folds a session through the real fold (facts checked against the declaration); `now` is the fold time. */
async function fold(start: string, openStatus: 'live' | 'abandoned', now: string, ...inputs: Record<string, unknown>[]): Promise<Session> {
  const workspace = tempDir();
  const warnings = collectingWarnings();
  const report = await foldSession(events({ type: 'session.start', ts: start, sessionId: 's1', workspace }, ...inputs), {
    sessionId: 's1',
    workspace,
    plugins: [{ plugin: timingPlugin, options: {} }],
    services: testServices(workspace, warnings),
    openStatus,
    source: 'journal',
    now: () => new Date(now),
  });
  expect(warnings.messages).toEqual([]);
  return { section: report.sections.timing as TimingSection, facts: (report.facts?.timing ?? {}) as FactRows };
}

const ended = (start: string, end: string, ...inputs: Record<string, unknown>[]) => fold(start, 'abandoned', end, ...inputs, { type: 'session.end', ts: end });
const api = (ts: string, durationMs?: number) => ({ type: 'api.response', ts, model: 'm', engine: 'e', ...(durationMs === undefined ? {} : { durationMs }) });
const tool = (ts: string, durationMs?: number) => ({ type: 'tool.call', ts, name: 'Bash', success: true, ...(durationMs === undefined ? {} : { durationMs }) });

/** An original-Radium report's section and the rows the store makes for it (in the bucket of its start). */
function legacy(metrics: Record<string, unknown>): Session {
  const section = timingFromLegacy(legacyMetricsSchema.parse({ session_id: 'old', start_time: '2025-12-07T04:00:00Z', ...metrics }));
  return { section, facts: facts.fromSection!(section, at('2025-12-07T04:00:00Z')) };
}

function fromFacts(sessions: Session[], range: BucketRange = {}): TimingSection {
  return facts.toSection(sumFactRows(facts.tables, sessions.map((s) => s.facts), range), { sessions: sessions.length });
}

function subsets<T>(list: T[]): T[][] {
  return Array.from({ length: 2 ** list.length }, (_, mask) => list.filter((_, i) => mask & (1 << i)));
}

async function mix(): Promise<Session[]> {
  return [
    // Overlapping API and tool time, an API error, a half millisecond, across midnight.
    await ended('2025-11-01T23:50:00Z', '2025-11-02T00:20:00Z', api('2025-11-01T23:55:00Z', 60_000), tool('2025-11-01T23:55:30Z', 90_000.5), { type: 'api.error', ts: '2025-11-02T00:10:00Z', model: 'm', engine: 'e', error: 'overloaded', durationMs: 2000 }),
    // An import without API latencies: API time and agent active unknown.
    await ended('2025-11-01T11:00:00Z', '2025-11-01T11:30:00Z', api('2025-11-01T11:05:00Z'), tool('2025-11-01T11:06:00Z', 4000)),
    // Nothing timed: tool and busy time unknown as well.
    await ended('2025-11-01T12:00:00Z', '2025-11-01T12:10:00Z', api('2025-11-01T12:01:00Z'), tool('2025-11-01T12:02:00Z')),
    // Live: wall time runs to the fold time.
    await fold('2025-11-01T13:00:00Z', 'live', '2025-11-01T13:20:00Z', tool('2025-11-01T13:10:00Z', 30_000)),
    // Abandoned without events: wall time runs to its start.
    await fold('2025-11-01T14:00:00Z', 'abandoned', '2025-11-03T00:00:00Z'),
    // Empty and ended.
    await ended('2025-11-01T15:00:00Z', '2025-11-01T15:45:00Z'),
    // Ends before it starts: wall and busy time unknown for another reason.
    await ended('2025-11-01T16:00:00Z', '2025-11-01T15:00:00Z'),
    legacy({ end_time: '2025-12-07T05:00:00Z', wall_time: { secs: 3600, nanos: 0 }, agent_active_time: { secs: 1800, nanos: 0 }, api_time: { secs: 1, nanos: 200_000_000 }, tool_time: { secs: 1798, nanos: 800_000_000 } }),
    legacy({ end_time: null }),
    legacy({ end_time: '2025-12-07T04:30:00Z', api_time: { secs: 2, nanos: 0 } }),
  ];
}

describe('timing facts', () => {
  it('summed over any mix of sessions give exactly the merged section', async () => {
    const sessions = await mix();
    const combos = subsets(sessions);
    expect(combos).toHaveLength(1024);
    for (const combo of combos) expect(fromFacts(combo)).toStrictEqual(mergeTiming(combo.map((s) => s.section)));
    // The mix reaches every kind of unknown: spot-check a few.
    expect(fromFacts([sessions[1]!, sessions[2]!]).apiTime).toEqual({ ms: null, reason: 'API latency not recorded by the source', unrecordedSessions: 2, timed: 0, untimed: 2 });
    expect(fromFacts([sessions[2]!, sessions[6]!]).busyTime).toEqual({ ms: null, reason: 'not known for any of the merged sessions', unrecordedSessions: 2 });
    expect(fromFacts([sessions[3]!, sessions[8]!])).toMatchObject({ sessions: 2, liveSessions: 1, wallTime: { ms: 20 * 60_000, unrecordedSessions: 1 } });
  });

  it('are one row per session, in the bucket of its start, even when it runs past a boundary and midnight', async () => {
    const s = await ended('2025-11-01T23:50:00Z', '2025-11-02T00:20:00Z', api('2025-11-01T23:55:00Z', 60_000), tool('2025-11-02T00:05:00Z'), tool('2025-11-02T00:06:00Z', 1000));
    expect(s.facts).toEqual({
      timing_sessions: [
        {
          bucket: at('2025-11-01T23:45:00Z'),
          wall_reason: null, api_reason: null, tool_reason: null, active_reason: null, busy_reason: null,
          sessions: 1, live_sessions: 0,
          wall_ms: 30 * 60_000, wall_unknown: 0,
          api_ms: 60_000, api_unknown: 0,
          tool_ms: 1000, tool_unknown: 0,
          active_ms: 61_000, active_unknown: 0,
          busy_ms: 61_000, busy_unknown: 0,
          api_timed: 1, api_untimed: 0, tool_timed: 1, tool_untimed: 1,
        },
      ],
    });
    const unknown = await ended('2025-11-02T00:14:59.999+13:45', '2025-11-02T00:30:00+13:45', api('2025-11-02T00:20:00+13:45'));
    // 00:14:59.999 at +13:45 is 10:29:59.999 UTC the day before.
    expect(unknown.facts.timing_sessions).toMatchObject([
      { bucket: at('2025-11-01T10:15:00Z'), api_reason: 'API latency not recorded by the source', api_ms: 0, api_unknown: 1, active_unknown: 1, api_untimed: 1 },
    ]);
  });

  it('summed from a time on, count only the sessions that started from then', async () => {
    const early = await ended('2025-11-01T10:40:00Z', '2025-11-01T11:40:00Z', api('2025-11-01T11:00:00Z', 1000));
    const late = await ended('2025-11-01T10:45:00Z', '2025-11-01T10:50:00Z', api('2025-11-01T10:46:00Z', 2000));
    expect(fromFacts([early, late], { from: at('2025-11-01T10:45:00Z') })).toMatchObject({ sessions: 1, wallTime: { ms: 5 * 60_000 }, apiTime: { ms: 2000, timed: 1 } });
    expect(fromFacts([early, late], { to: at('2025-11-01T10:45:00Z') })).toMatchObject({ sessions: 1, wallTime: { ms: 60 * 60_000 }, apiTime: { ms: 1000 } });
    expect(fromFacts([early, late])).toStrictEqual(mergeTiming([early.section, late.section]));
  });
});
