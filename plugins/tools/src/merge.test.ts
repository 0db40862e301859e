import { describe, expect, it } from 'vitest';
import { toolsFromLegacy } from './legacy.js';
import { mergeTools, summarizeTools } from './merge.js';
import { toolsSection } from '../test/fixtures.js';

const a = toolsSection({
  calls: 3, succeeded: 2, failed: 1, timedCalls: 3, totalDurationMs: 0.1 + 0.2 + 1000,
  tools: [
    { name: 'Edit', calls: 2, succeeded: 1, failed: 1, timedCalls: 2, totalDurationMs: 0.1 + 0.2 },
    { name: 'Bash', calls: 1, succeeded: 1, failed: 0, timedCalls: 1, totalDurationMs: 1000 },
  ],
  decisions: { accept: 1, reject: 1, modify: 0, autoAccept: 0 },
});
const b = toolsSection({
  calls: 4, succeeded: 4, failed: 0, timedCalls: 0, totalDurationMs: null, durationReason: 'tool durations not recorded by the source',
  tools: [{ name: 'Bash', calls: 4, succeeded: 4, failed: 0, timedCalls: 0, totalDurationMs: null }],
});

describe('mergeTools', () => {
  it('adds counts and per-tool totals exactly, most calls first', () => {
    const m = mergeTools([a, b]);
    expect(m).toMatchObject({ calls: 7, succeeded: 6, failed: 1, timedCalls: 3, unrecordedSessions: 0 });
    expect(m.tools).toEqual([
      { name: 'Bash', calls: 5, succeeded: 5, failed: 0, timedCalls: 1, totalDurationMs: 1000 },
      { name: 'Edit', calls: 2, succeeded: 1, failed: 1, timedCalls: 2, totalDurationMs: 0.1 + 0.2 },
    ]);
    expect(m.decisions).toEqual({ accept: 1, reject: 1, modify: 0, autoAccept: 0 });
  });

  it('gives back the same section when merging one', () => {
    expect(mergeTools([a])).toEqual(a);
    expect(mergeTools([b])).toEqual(b);
    const legacy = toolsFromLegacy({ tool_calls: 0, successful_tool_calls: 0, failed_tool_calls: 0, tool_approvals_allowed: 0, tool_approvals_denied: 0 } as never);
    expect(mergeTools([legacy])).toEqual(legacy);
  });

  it('keeps sessions that did not record calls out of the sums and counts them', () => {
    const legacy = toolsFromLegacy({ tool_calls: 0, successful_tool_calls: 0, failed_tool_calls: 0, tool_approvals_allowed: 0, tool_approvals_denied: 0 } as never);
    const m = mergeTools([a, legacy, legacy]);
    expect(m).toMatchObject({ calls: 3, unrecordedSessions: 2, callsReason: null, decisions: a.decisions });
    const none = mergeTools([legacy, legacy]);
    expect(none).toMatchObject({ calls: null, callsReason: 'not recorded by the original Radium', unrecordedSessions: 2, decisions: null });
  });

  it('merges nothing into an empty section', () => {
    expect(mergeTools([])).toMatchObject({ calls: 0, tools: [], totalDurationMs: 0 });
  });

  it('summarize drops the per-tool list but keeps every total, and merges of summaries stay exact', () => {
    const sa = summarizeTools(a);
    expect(sa).toMatchObject({ calls: 3, tools: [], toolsOmitted: true, totalDurationMs: a.totalDurationMs, decisions: a.decisions });
    expect(JSON.stringify(sa).length).toBeLessThan(400);
    const m = mergeTools([sa, summarizeTools(b)]);
    expect(m).toMatchObject({ calls: 7, succeeded: 6, failed: 1, toolsOmitted: true, tools: [] });
  });
});
