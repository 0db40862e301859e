import type { FactScope, SummedFactRow } from '@radium-stats/core';
import { GIT_COUNTS, gitSessionsTable } from './fact-tables.js';
import { commonReason } from './merge.js';
import { changeSourceSchema, type ChangeSource, type GitSection } from './section.js';

/** A summed measure as a number (sums past 2^53 come as bigint; a missing one is 0). */
function num(value: SummedFactRow[string] | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

function text(value: SummedFactRow[string] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** The one source of the selected sessions, `mixed` when they differ, null when none was measured. */
function source(rows: SummedFactRow[]): ChangeSource | null {
  const sources = new Set(rows.map((r) => text(r['source'])).filter((s): s is string => s !== null));
  if (sources.size === 0) return null;
  if (sources.size > 1) return 'mixed';
  const parsed = changeSourceSchema.safeParse([...sources][0]);
  return parsed.success ? parsed.data : 'mixed';
}

/**
 * The merged git section of the selected sessions from the summed `git_sessions` rows: the same as
 * `mergeGitSections` over their sections. Each count is the sum over the sessions that know it (a
 * file changed in two sessions counts twice), null when none does. One session's own section (`scope.single`)
 * has no `merged` block, as its report's has none, and says why git was not used beside file.edit events.
 */
export function gitFromFacts(summed: Record<string, SummedFactRow[]>, scope: FactScope): GitSection {
  const rows = summed[gitSessionsTable.name] ?? [];
  const sum = (column: string) => rows.reduce((n, r) => n + num(r[column]), 0);
  const sessions = sum('sessions');
  const known = (column: keyof typeof GIT_COUNTS) => (sum(`${column}_unknown`) < sessions ? sum(column) : null);
  const out: GitSection = {
    source: source(rows),
    linesAdded: known('lines_added'),
    linesRemoved: known('lines_removed'),
    filesChanged: known('files_changed'),
    binaryFiles: known('binary_files'),
    ...(scope.single ? {} : { merged: { sessions, linesUnknown: sum('lines_added_unknown'), filesUnknown: sum('files_changed_unknown') } }),
  };
  // A count is null only when every selected session lacks it, so every row's reason is one of theirs
  // (never one of file.edit events, whose lines and files are known).
  const nulls = out.linesAdded === null || out.filesChanged === null;
  const reason = sessions === 0 ? 'no sessions' : nulls ? commonReason(rows.map((r) => text(r['unavailable_reason']))) : undefined;
  if (reason) out.unavailableReason = reason;
  // One session counted from file.edit events: its reason is why git was not used.
  const why = text(rows[0]?.['unavailable_reason']);
  if (scope.single && out.source === 'file.edit events' && why !== null) out.gitUnavailableReason = why;
  return out;
}
