import type { FactScope, SummedFactRow } from '@radium-stats/core';
import { toolCallsTable, toolSessionsTable } from './fact-tables.js';
import { byCallsThenName } from './order.js';
import { commonReason, NOT_RECORDED_ANYWHERE } from './reasons.js';
import { DURATIONS_NOT_RECORDED, type DecisionCounts, type ToolStats, type ToolsSection } from './section.js';

/** A summed measure as a number (sums past 2^53 come as bigint; a missing one is 0). */
function num(value: SummedFactRow[string] | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function text(value: SummedFactRow[string] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function sumOf(rows: SummedFactRow[], column: string): number {
  return rows.reduce((n, r) => n + num(r[column]), 0);
}

/** The per-tool list: rows with a tool name, merged by name, most calls first. */
function toolList(rows: SummedFactRow[]): ToolStats[] {
  const byName = new Map<string, ToolStats>();
  for (const row of rows) {
    const name = text(row['tool']);
    if (name === null) continue;
    let t = byName.get(name);
    if (!t) byName.set(name, (t = { name, calls: 0, succeeded: 0, failed: 0, timedCalls: 0, totalDurationMs: 0 }));
    t.calls += num(row['calls']);
    t.succeeded += num(row['succeeded']);
    t.failed += num(row['failed']);
    t.timedCalls += num(row['timed_calls']);
    t.totalDurationMs = t.totalDurationMs! + num(row['duration_ms']);
  }
  // A tool's duration is null when none of its calls was timed (as in its sessions' sections).
  return [...byName.values()].map((t) => (t.timedCalls > 0 ? t : { ...t, totalDurationMs: null })).sort(byCallsThenName);
}

/**
 * The merged tools section of the selected sessions from the summed `tool_calls` and `tool_sessions`
 * rows: the same as `mergeTools` over their sections. A value is null when every selected session
 * lacked it, with the sessions' reason when they agree.
 */
export function toolsFromFacts(summed: Record<string, SummedFactRow[]>, _scope: FactScope): ToolsSection {
  const calls = summed[toolCallsTable.name] ?? [];
  const sessions = summed[toolSessionsTable.name] ?? [];
  const selected = sumOf(sessions, 'sessions');
  const reasons = (column: string) => sessions.map((r) => text(r[column]));
  const callCount = selected > 0 && sumOf(sessions, 'calls_recorded') === 0 ? null : sumOf(calls, 'calls');
  const timedCalls = sumOf(calls, 'timed_calls');
  const durationKnown = timedCalls > 0 || callCount === 0;
  const decisions: DecisionCounts | null =
    selected > 0 && sumOf(sessions, 'decisions_recorded') === 0
      ? null
      : { accept: sumOf(calls, 'accepted'), reject: sumOf(calls, 'rejected'), modify: sumOf(calls, 'modified'), autoAccept: sumOf(calls, 'auto_accepted') };
  return {
    calls: callCount,
    succeeded: sumOf(calls, 'succeeded'),
    failed: sumOf(calls, 'failed'),
    callsReason: callCount === null ? commonReason(reasons('calls_reason'), NOT_RECORDED_ANYWHERE) : null,
    unrecordedSessions: sumOf(sessions, 'unrecorded_sessions'),
    timedCalls,
    totalDurationMs: durationKnown ? sumOf(calls, 'duration_ms') : null,
    durationReason: durationKnown ? null : commonReason(reasons('duration_reason'), DURATIONS_NOT_RECORDED),
    tools: toolList(calls),
    toolsOmitted: sumOf(sessions, 'tools_omitted') > 0,
    decisions,
    decisionsReason: decisions === null ? commonReason(reasons('decisions_reason'), NOT_RECORDED_ANYWHERE) : null,
  };
}
