import { legacyMetricsSchema } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { toolsFromLegacy } from './legacy.js';
import { toolsSectionSchema } from './section.js';
import { toolsSessionBlocks } from './session-view.js';
import { toolsHistory } from './report.js';

const base = { session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337', start_time: '2025-12-07T04:00:00.123456789Z' };

describe('toolsFromLegacy', () => {
  it('reads all-zero counters as not measured and says so', () => {
    const s = toolsFromLegacy(legacyMetricsSchema.parse(base));
    expect(toolsSectionSchema.safeParse(s).success).toBe(true);
    expect(s).toMatchObject({ calls: null, callsReason: 'not recorded by the original Radium', decisions: null });
    const rows = (toolsSessionBlocks(s)[0] as { rows: { label: string; value: string }[] }).rows;
    expect(rows).toEqual([
      { label: 'Tool Calls', value: 'n/a (not recorded by the original Radium)', order: 20 },
      { label: 'Success Rate', value: 'n/a (not recorded by the original Radium)', order: 30 },
    ]);
    expect(toolsHistory(s).map((c) => c.value)).toEqual(['n/a (not recorded by the original Radium)', 'n/a (not recorded by the original Radium)']);
  });

  it('uses nonzero counters and approvals as they are', () => {
    const s = toolsFromLegacy(
      legacyMetricsSchema.parse({ ...base, tool_calls: 10, successful_tool_calls: 9, failed_tool_calls: 1, tool_approvals_allowed: 3, tool_approvals_denied: 1 }),
    );
    expect(s).toMatchObject({ calls: 10, succeeded: 9, failed: 1, decisions: { accept: 3, reject: 1, modify: 0, autoAccept: 0 }, totalDurationMs: null });
    const rows = (toolsSessionBlocks(s)[0] as { rows: { label: string; value: string }[] }).rows;
    expect(rows.map((r) => `${r.label}: ${r.value}`).slice(0, 3)).toEqual([
      'Tool Calls: 10 ( ✓ 9 x 1 )',
      'Success Rate: 90.0%',
      'User Agreement: 75.0% (3 of 4 decisions)',
    ]);
  });

  it('shows a call count without outcomes as a count whose success rate is not known', () => {
    const s = toolsFromLegacy(legacyMetricsSchema.parse({ ...base, tool_calls: 7 }));
    const rows = (toolsSessionBlocks(s)[0] as { rows: { label: string; value: string }[] }).rows;
    expect(rows.map((r) => r.value)).toEqual(['7', 'n/a (call outcomes not recorded)']);
  });
});
