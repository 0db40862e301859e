import type { FactRow, FactRows } from '@radium-stats/core';
import { TIMING_PARTS, timingSessionsTable, type TimingPart } from './fact-tables.js';
import type { TimingSection } from './section.js';

/**
 * The session's `timing_sessions` row, in `bucket`. Used for folded sessions (bucket of the start)
 * and for reports without facts (original Radium, or written before facts) alike.
 */
export function timingFacts(section: TimingSection, bucket: number): FactRows {
  const row: FactRow = {
    bucket,
    sessions: section.sessions,
    live_sessions: section.liveSessions,
    api_timed: section.apiTime.timed,
    api_untimed: section.apiTime.untimed,
    tool_timed: section.toolTime.timed,
    tool_untimed: section.toolTime.untimed,
  };
  for (const [part, field] of Object.entries(TIMING_PARTS) as [TimingPart, keyof typeof section][]) {
    const d = section[field] as TimingSection['wallTime'];
    row[`${part}_reason`] = d.reason;
    row[`${part}_ms`] = d.ms ?? 0;
    row[`${part}_unknown`] = d.unrecordedSessions;
  }
  return { [timingSessionsTable.name]: [row] };
}
