import { legacyMetricsSchema } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { api, ended, foldTiming, tool } from '../test/fixtures.js';
import { timingFromLegacy } from './legacy.js';
import { mergeTiming } from './merge.js';

const a = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z'), api('2026-05-01T09:10:00.000Z', 1000), tool('2026-05-01T09:20:00.000Z', 2000));
const b = foldTiming(ended('2026-05-01T09:30:00.000Z', '2026-05-01T09:40:00.000Z'), tool('2026-05-01T09:39:00.000Z', 300_000), tool('2026-05-01T09:39:30.000Z', 300_000));
const claudeImport = foldTiming(ended('2026-05-02T09:00:00.000Z', '2026-05-02T09:30:00.000Z'), api('2026-05-02T09:10:00.000Z'), tool('2026-05-02T09:20:00.000Z', 4000));

describe('mergeTiming', () => {
  it('sums wall, API, tool, active and per-session busy time exactly, overlapping sessions included', () => {
    const m = mergeTiming([a, b]);
    expect(m).toMatchObject({ sessions: 2, liveSessions: 0 });
    expect(m.wallTime.ms).toBe(3_600_000 + 600_000);
    expect(m.apiTime).toMatchObject({ ms: 1000, timed: 1, untimed: 0 });
    expect(m.toolTime).toMatchObject({ ms: 602_000, timed: 3 });
    expect(m.agentActive.ms).toBe(603_000);
    // Session b's two calls overlap (busy 330 s); a's busy time is 3 s. Sessions a and b overlap in time, yet busy time adds up.
    expect(m.busyTime.ms).toBe(3000 + 330_000);
  });

  it('gives back the same section when merging one', () => {
    expect(mergeTiming([a])).toEqual(a);
    expect(mergeTiming([claudeImport])).toEqual(claudeImport);
  });

  it('is the same in any order and in any grouping', () => {
    const all = [a, b, claudeImport];
    expect(mergeTiming([claudeImport, b, a])).toEqual(mergeTiming(all));
    expect(mergeTiming([mergeTiming([a, b]), claudeImport])).toEqual(mergeTiming(all));
  });

  it('leaves sessions with an unknown value out of its sum and counts them', () => {
    const m = mergeTiming([a, claudeImport]);
    expect(m.apiTime).toMatchObject({ ms: 1000, unrecordedSessions: 1, timed: 1, untimed: 1 });
    expect(m.agentActive).toMatchObject({ ms: 3000, unrecordedSessions: 1 });
    expect(m.toolTime).toMatchObject({ ms: 6000, unrecordedSessions: 0 });
    const none = mergeTiming([claudeImport, claudeImport]);
    expect(none.apiTime).toMatchObject({ ms: null, reason: 'API latency not recorded by the source', unrecordedSessions: 2 });
  });

  it('merges legacy sessions by their stored times', () => {
    const legacy = timingFromLegacy(
      legacyMetricsSchema.parse({
        session_id: 's1', start_time: '2025-12-07T04:00:00.123456789Z', end_time: '2025-12-07T05:00:00.123456789Z',
        wall_time: { secs: 3600, nanos: 0 }, agent_active_time: { secs: 1800, nanos: 0 }, api_time: { secs: 1, nanos: 200000000 }, tool_time: { secs: 1798, nanos: 800000000 },
      }),
    );
    const m = mergeTiming([a, legacy]);
    expect(m.wallTime.ms).toBe(7_200_000);
    expect(m.apiTime.ms).toBe(2200);
    expect(m.busyTime).toMatchObject({ ms: 3000, unrecordedSessions: 1 });
  });

  it('merges nothing into zeros', () => {
    expect(mergeTiming([])).toMatchObject({ sessions: 0, wallTime: { ms: 0 }, apiTime: { ms: 0 }, busyTime: { ms: 0 } });
  });
});
