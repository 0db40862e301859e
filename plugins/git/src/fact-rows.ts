import type { FactRow, FactRows } from '@radium-stats/core';
import { GIT_COUNTS, gitSessionsTable } from './fact-tables.js';
import type { GitSection } from './section.js';

/**
 * The session's `git_sessions` row, in `bucket`. Used for folded sessions (bucket of the start) and
 * for one session's report without facts (original Radium, or written before facts) alike.
 */
export function gitFacts(section: GitSection, bucket: number): FactRows {
  // Counts from file.edit events leave binary files unknown because git was not used: its reason is that count's.
  const reason = section.unavailableReason ?? section.gitUnavailableReason ?? null;
  const row: FactRow = { bucket, source: section.source, unavailable_reason: reason, sessions: 1 };
  for (const [column, field] of Object.entries(GIT_COUNTS)) {
    const value = section[field];
    row[column] = value ?? 0;
    row[`${column}_unknown`] = value === null ? 1 : 0;
  }
  return { [gitSessionsTable.name]: [row] };
}
