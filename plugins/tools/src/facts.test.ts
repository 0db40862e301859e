import { FACT_BUCKET_MS, legacyMetricsSchema, sumFactRows, type FactRows } from '@radium-stats/core';
import { foldWith } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { toolsFromLegacy } from './legacy.js';
import { mergeTools, summarizeTools } from './merge.js';
import { toolsPlugin } from './plugin.js';
import type { ToolsSection } from './section.js';

const facts = toolsPlugin.facts!;
const at = (iso: string) => Date.parse(iso);
const call = (ts: string, name: string, extra: Record<string, unknown> = {}) => ({ type: 'tool.call', ts, name, success: true, ...extra });

interface Session {
  section: ToolsSection;
  facts: FactRows;
}

async function fold(...inputs: Record<string, unknown>[]): Promise<Session> {
  const { section, facts: rows, warnings } = await foldWith<ToolsSection>(toolsPlugin, ...inputs);
  expect(warnings).toEqual([]);
  return { section, facts: rows ?? {} };
}

/** An original-Radium report's section and the rows the store makes for it. */
function legacy(counters: Record<string, number>): Session {
  const section = toolsFromLegacy(legacyMetricsSchema.parse({ session_id: 'old', start_time: '2025-12-07T04:00:00Z', ...counters }));
  return { section, facts: facts.fromSection!(section, at('2025-12-07T04:00:00Z')) };
}

/** What a store gives for these sessions: their rows summed, handed to toSection. */
function fromFacts(sessions: Session[], range = {}): ToolsSection {
  return facts.toSection(sumFactRows(facts.tables, sessions.map((s) => s.facts), range), { sessions: sessions.length });
}

/** Every subset of the sessions (with the empty one), so each mix of kinds is checked. */
function subsets<T>(list: T[]): T[][] {
  return Array.from({ length: 2 ** list.length }, (_, mask) => list.filter((_, i) => mask & (1 << i)));
}

async function mix(): Promise<Session[]> {
  return [
    // Several tools across buckets and midnight, failures, decisions, a half-millisecond duration.
    await fold(
      call('2025-11-01T10:05:00Z', 'Bash', { durationMs: 1200, decision: 'accept' }),
      call('2025-11-01T10:14:59.999Z', 'Edit', { durationMs: 40.5, success: false, error: 'no match', decision: 'reject' }),
      call('2025-11-01T10:15:00Z', 'Edit', { durationMs: 60, decision: 'auto_accept' }),
      call('2025-11-01T23:59:59Z', 'Bash', { durationMs: 800, success: false }),
      call('2025-11-02T00:00:01Z', 'Read', { durationMs: 3, decision: 'modify' }),
      { type: 'session.end', ts: '2025-11-02T00:01:00Z' },
    ),
    // An imported transcript: calls without durations (durations unknown, with their reason).
    await fold(call('2025-11-01T11:00:00Z', 'run_shell_command'), call('2025-11-01T11:01:00Z', 'run_shell_command', { success: false })),
    // Partly timed, abandoned (no session.end).
    await fold(call('2025-11-01T12:00:00Z', 'Bash', { durationMs: 250 }), call('2025-11-01T12:00:30Z', 'Bash')),
    // No tool calls at all.
    await fold({ type: 'api.response', ts: '2025-11-01T10:01:00Z', model: 'm', engine: 'e', durationMs: 10 }, { type: 'session.end', ts: '2025-11-01T10:02:00Z' }),
    // Original Radium: zero counters (nothing recorded), counters with approvals, a count without outcomes.
    legacy({}),
    legacy({ tool_calls: 10, successful_tool_calls: 9, failed_tool_calls: 1, tool_approvals_allowed: 3, tool_approvals_denied: 1 }),
    legacy({ tool_calls: 7 }),
    legacy({ tool_approvals_allowed: 2 }),
  ];
}

describe('tools facts', () => {
  it('summed over any mix of sessions give exactly the merged section', async () => {
    const sessions = await mix();
    const combos = subsets(sessions);
    expect(combos).toHaveLength(256);
    for (const combo of combos) {
      expect(fromFacts(combo)).toStrictEqual(mergeTools(combo.map((s) => s.section)));
    }
    // The mixes cover each kind of unknown: spot-check that they were hit.
    expect(fromFacts([sessions[4]!, sessions[4]!])).toMatchObject({ calls: null, callsReason: 'not recorded by the original Radium', unrecordedSessions: 2, decisions: null });
    expect(fromFacts([sessions[1]!, sessions[4]!])).toMatchObject({ calls: 2, totalDurationMs: null, durationReason: 'tool durations not recorded by the source', unrecordedSessions: 1 });
    expect(fromFacts([sessions[4]!, sessions[7]!])).toMatchObject({ calls: null, decisions: { accept: 2, reject: 0, modify: 0, autoAccept: 0 } });
  });

  it('are one row per bucket and tool, by when each call completed, and one session row in the bucket of its start', async () => {
    const s = await fold(
      call('2025-11-01T10:14:59.999Z', 'Edit', { durationMs: 5, decision: 'accept' }),
      call('2025-11-01T10:15:00Z', 'Edit', { durationMs: 7, success: false }),
      call('2025-11-01T10:20:00Z', 'Edit', { decision: 'reject' }),
      // Stamped in +13:45: the bucket is of the instant (10:16 UTC), whatever the offset.
      call('2025-11-02T00:01:00+13:45', '__proto__', { durationMs: 1 }),
      call('2025-11-01T23:59:59Z', 'Bash', { durationMs: 100 }),
      call('2025-11-02T00:00:00Z', 'Bash', { durationMs: 200 }),
    );
    const row = (bucket: string, tool: string, over: Record<string, number>) => ({
      bucket: at(bucket), tool, calls: 1, succeeded: 1, failed: 0, timed_calls: 1, duration_ms: 0, accepted: 0, rejected: 0, modified: 0, auto_accepted: 0, ...over,
    });
    expect(s.facts).toEqual({
      tool_calls: [
        row('2025-11-01T10:00:00Z', 'Edit', { duration_ms: 5, accepted: 1 }),
        row('2025-11-01T10:15:00Z', 'Edit', { calls: 2, succeeded: 1, failed: 1, duration_ms: 7, rejected: 1 }),
        row('2025-11-01T10:15:00Z', '__proto__', { duration_ms: 1 }),
        row('2025-11-01T23:45:00Z', 'Bash', { duration_ms: 100 }),
        row('2025-11-02T00:00:00Z', 'Bash', { duration_ms: 200 }),
      ],
      tool_sessions: [
        {
          bucket: at('2025-11-01T10:00:00Z'), calls_reason: null, duration_reason: null, decisions_reason: null,
          sessions: 1, calls_recorded: 1, unrecorded_sessions: 0, decisions_recorded: 1, tools_omitted: 0,
        },
      ],
    });
  });

  it('summed from a time on, count only the calls completed from then', async () => {
    const s = await fold(
      call('2025-11-01T10:05:00Z', 'Bash', { durationMs: 1000 }),
      call('2025-11-01T10:44:59Z', 'Bash', { durationMs: 2000, success: false }),
      call('2025-11-01T10:45:00Z', 'Bash', { durationMs: 4000 }),
      call('2025-11-01T11:30:00Z', 'Edit', { durationMs: 8000 }),
    );
    const later = fromFacts([s], { from: at('2025-11-01T10:45:00Z') });
    expect(later).toMatchObject({ calls: 2, succeeded: 2, failed: 0, timedCalls: 2, totalDurationMs: 12_000 });
    expect(later.tools.map((t) => [t.name, t.calls])).toEqual([['Bash', 1], ['Edit', 1]]);
    expect(fromFacts([s], { to: at('2025-11-01T10:45:00Z') })).toMatchObject({ calls: 2, failed: 1, totalDurationMs: 3000 });
    expect(FACT_BUCKET_MS).toBe(15 * 60_000);
  });

  it('rebuilt from sections, for reports without facts, sum to the same merge, summaries included', async () => {
    const sessions = await mix();
    const sections = sessions.map((s) => s.section);
    const bucket = at('2025-11-01T10:00:00Z');
    const rebuilt = sections.map((section) => ({ section, facts: facts.fromSection!(section, bucket) }));
    for (const combo of subsets(rebuilt)) expect(fromFacts(combo)).toStrictEqual(mergeTools(combo.map((s) => s.section)));
    // Summaries have no per-tool list: their rows give the same totals and `toolsOmitted`, as merging the summaries does.
    const summaries = sections.map(summarizeTools).map((section) => ({ section, facts: facts.fromSection!(section, bucket) }));
    for (const combo of subsets(summaries)) expect(fromFacts(combo)).toStrictEqual(mergeTools(combo.map((s) => s.section)));
    expect(fromFacts(summaries.slice(0, 2))).toMatchObject({ calls: 7, tools: [], toolsOmitted: true });
  });
});
