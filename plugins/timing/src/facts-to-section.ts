import type { FactScope, SummedFactRow } from '@radium-stats/core';
import { timingSessionsTable, type TimingPart } from './fact-tables.js';
import { commonReason } from './reasons.js';
import type { MeasuredDuration, TimingSection } from './section.js';

/** A summed measure as a number (sums past 2^53 come as bigint; a missing one is 0). */
function num(value: SummedFactRow[string] | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/**
 * The merged timing section of the selected sessions from the summed `timing_sessions` rows: the
 * same as `mergeTiming` over their sections. A duration is the sum of the known ones, and null only
 * when every selected session lacked it.
 */
export function timingFromFacts(summed: Record<string, SummedFactRow[]>, _scope: FactScope): TimingSection {
  const rows = summed[timingSessionsTable.name] ?? [];
  const sum = (column: string) => rows.reduce((n, r) => n + num(r[column]), 0);
  const sessions = sum('sessions');
  const measured = (part: TimingPart): MeasuredDuration => {
    const unknown = sum(`${part}_unknown`);
    if (sessions > 0 && unknown === sessions) {
      return { ms: null, reason: commonReason(rows.map((r) => (typeof r[`${part}_reason`] === 'string' ? (r[`${part}_reason`] as string) : null))), unrecordedSessions: unknown };
    }
    return { ms: sum(`${part}_ms`), reason: null, unrecordedSessions: unknown };
  };
  return {
    sessions,
    liveSessions: sum('live_sessions'),
    wallTime: measured('wall'),
    apiTime: { ...measured('api'), timed: sum('api_timed'), untimed: sum('api_untimed') },
    toolTime: { ...measured('tool'), timed: sum('tool_timed'), untimed: sum('tool_untimed') },
    agentActive: measured('active'),
    busyTime: measured('busy'),
  };
}
