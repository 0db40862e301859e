import { factBucket, type FactRows, type ToolCallEvent } from '@radium-stats/core';
import type { ToolsSection } from './section.js';

/** A row of `tool_calls`. */
export type ToolCallRow = {
  bucket: number;
  tool: string | null;
  calls: number;
  succeeded: number;
  failed: number;
  timed_calls: number;
  duration_ms: number;
  accepted: number;
  rejected: number;
  modified: number;
  auto_accepted: number;
};

/** A row of `tool_sessions`. */
export type ToolSessionRow = {
  bucket: number;
  calls_reason: string | null;
  duration_reason: string | null;
  decisions_reason: string | null;
  sessions: number;
  calls_recorded: number;
  unrecorded_sessions: number;
  decisions_recorded: number;
  tools_omitted: number;
};

const decisionColumn = { accept: 'accepted', reject: 'rejected', modify: 'modified', auto_accept: 'auto_accepted' } as const;

function emptyCallRow(bucket: number, tool: string | null): ToolCallRow {
  return { bucket, tool, calls: 0, succeeded: 0, failed: 0, timed_calls: 0, duration_ms: 0, accepted: 0, rejected: 0, modified: 0, auto_accepted: 0 };
}

/** One session's `tool_calls` rows, one per 15-minute bucket and tool, summed as calls arrive. */
export class ToolCallRows {
  // A Map keyed by bucket and name: tool names are untrusted and `__proto__` must stay an ordinary name.
  private readonly rows = new Map<string, ToolCallRow>();

  /** Adds one call to the row of its bucket (by `ts`, when it completed) and tool. */
  add(call: ToolCallEvent): void {
    const bucket = factBucket(call.ts);
    const key = `${bucket}\u0000${call.name}`;
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = emptyCallRow(bucket, call.name)));
    row.calls += 1;
    if (call.success) row.succeeded += 1;
    else row.failed += 1;
    if (call.durationMs !== undefined) {
      row.timed_calls += 1;
      row.duration_ms += call.durationMs;
    }
    if (call.decision) row[decisionColumn[call.decision]] += 1;
  }

  /** The rows so far. */
  list(): ToolCallRow[] {
    return [...this.rows.values()];
  }
}

/** The session's `tool_sessions` row: what its section knows and why not. */
export function toolSessionRow(section: ToolsSection, bucket: number): ToolSessionRow {
  return {
    bucket,
    calls_reason: section.callsReason,
    duration_reason: section.durationReason,
    decisions_reason: section.decisionsReason,
    sessions: 1,
    calls_recorded: section.calls === null ? 0 : 1,
    unrecorded_sessions: section.unrecordedSessions,
    decisions_recorded: section.decisions === null ? 0 : 1,
    tools_omitted: section.toolsOmitted ? 1 : 0,
  };
}

/**
 * Rows for a session whose report holds no facts (an original-Radium report, or one written before
 * facts): a row per listed tool, plus a row without a tool for whatever the list does not cover
 * (calls counted without names, the decisions, which the section does not split by tool).
 */
export function toolFactsFromSection(section: ToolsSection, bucket: number): FactRows {
  const rows = section.tools.map((t): ToolCallRow => ({
    ...emptyCallRow(bucket, t.name),
    calls: t.calls,
    succeeded: t.succeeded,
    failed: t.failed,
    timed_calls: t.timedCalls,
    duration_ms: t.totalDurationMs ?? 0,
  }));
  // Summed in list order, as the collector summed the total, so the rest of a collector's section is exactly 0.
  const listed = (pick: (r: ToolCallRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const d = section.decisions;
  const rest: ToolCallRow = {
    ...emptyCallRow(bucket, null),
    calls: (section.calls ?? 0) - listed((r) => r.calls),
    succeeded: section.succeeded - listed((r) => r.succeeded),
    failed: section.failed - listed((r) => r.failed),
    timed_calls: section.timedCalls - listed((r) => r.timed_calls),
    duration_ms: (section.totalDurationMs ?? 0) - listed((r) => r.duration_ms),
    accepted: d?.accept ?? 0,
    rejected: d?.reject ?? 0,
    modified: d?.modify ?? 0,
    auto_accepted: d?.autoAccept ?? 0,
  };
  const restHasAny = Object.entries(rest).some(([k, v]) => k !== 'bucket' && typeof v === 'number' && v !== 0);
  return { tool_calls: restHasAny ? [...rows, rest] : rows, tool_sessions: [toolSessionRow(section, bucket)] };
}
