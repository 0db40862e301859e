import { legacyMetricsSchema, type FieldBlock } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { timingFromLegacy } from './legacy.js';
import { timingSessionBlocks } from './report.js';
import { timingSectionSchema } from './section.js';

const base = { session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337', start_time: '2025-12-07T04:00:00.123456789Z', end_time: '2025-12-07T05:00:00.123456789Z' };

const rows = (s: ReturnType<typeof timingFromLegacy>) => (timingSessionBlocks(s)[0] as FieldBlock).rows.map((r) => `${r.label}: ${r.value}`);

describe('timingFromLegacy', () => {
  it("shows the reference report's stored times and no busy time", () => {
    const s = timingFromLegacy(
      legacyMetricsSchema.parse({
        ...base,
        wall_time: { secs: 3600, nanos: 0 }, agent_active_time: { secs: 1800, nanos: 0 }, api_time: { secs: 1, nanos: 200000000 }, tool_time: { secs: 1798, nanos: 800000000 },
      }),
    );
    expect(timingSectionSchema.safeParse(s).success).toBe(true);
    expect(s.apiTime.ms).toBe(1200);
    expect(s.toolTime.ms).toBe(1_798_800);
    expect(rows(s)).toEqual([
      'Wall Time: 1h 0m 0s',
      'Agent Active: 30m 0s',
      'API Time: 1s (0.1%)',
      'Tool Time: 29m 59s (99.9%)',
      'Busy Time: n/a (not recorded by the original Radium)',
    ]);
  });

  it('falls back to end minus start for wall time and to API + tool time for agent active', () => {
    const s = timingFromLegacy(legacyMetricsSchema.parse({ ...base, api_time: { secs: 2, nanos: 0 }, tool_time: { secs: 3, nanos: 500000000 } }));
    expect(s.wallTime.ms).toBe(3_600_000);
    expect(s.agentActive.ms).toBe(5500);
  });

  it('says which times the report lacks', () => {
    const s = timingFromLegacy(legacyMetricsSchema.parse({ ...base, end_time: null }));
    expect(rows(s)).toEqual([
      'Wall Time: n/a (session end not recorded by the original Radium)',
      'Agent Active: n/a (not recorded by the original Radium)',
      'API Time: n/a (not recorded by the original Radium)',
      'Tool Time: n/a (not recorded by the original Radium)',
      'Busy Time: n/a (not recorded by the original Radium)',
    ]);
  });
});
