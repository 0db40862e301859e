import { legacyDurationMs, type LegacyMetrics } from '@radium-stats/core';
import { known, sumOfParts, unknown } from './measured.js';
import type { MeasuredDuration, TimingSection } from './section.js';
import { epochMs } from './time.js';

/** Reason shown for what the original Radium did not record. */
export const NOT_RECORDED_BY_LEGACY = 'not recorded by the original Radium';

function fromDuration(ms: number | null): MeasuredDuration {
  return ms === null ? unknown(NOT_RECORDED_BY_LEGACY) : known(ms);
}

function legacyWall(m: LegacyMetrics): MeasuredDuration {
  const stored = legacyDurationMs(m.wall_time);
  if (stored !== null) return known(stored);
  if (!m.end_time) return unknown('session end not recorded by the original Radium');
  const ms = epochMs(m.end_time) - epochMs(m.start_time);
  return Number.isNaN(ms) || ms < 0 ? unknown('session start or end time unreadable') : known(ms);
}

/** Reads the original Radium's wall, API, tool and agent active times; it kept no intervals, so busy time is unknown. */
export function timingFromLegacy(m: LegacyMetrics): TimingSection {
  const apiTime = fromDuration(legacyDurationMs(m.api_time));
  const toolTime = fromDuration(legacyDurationMs(m.tool_time));
  const active = legacyDurationMs(m.agent_active_time);
  return {
    sessions: 1,
    liveSessions: 0,
    wallTime: legacyWall(m),
    // It stored sums, not events, so there are no counts of timed and untimed events.
    apiTime: { ...apiTime, timed: 0, untimed: 0 },
    toolTime: { ...toolTime, timed: 0, untimed: 0 },
    agentActive: active !== null ? known(active) : sumOfParts(apiTime, toolTime),
    busyTime: unknown(NOT_RECORDED_BY_LEGACY),
  };
}
