import { commonReason } from './reasons.js';
import type { MeasuredDuration, TimedSum, TimingSection } from './section.js';

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Sum of the known values; unknown only when no session knew it. Sessions that did not are counted, not guessed. */
function mergeMeasured(parts: MeasuredDuration[]): MeasuredDuration {
  const knownParts = parts.filter((p) => p.ms !== null);
  const unrecordedSessions = sum(parts.map((p) => p.unrecordedSessions));
  if (parts.length > 0 && knownParts.length === 0) return { ms: null, reason: commonReason(parts.map((p) => p.reason)), unrecordedSessions };
  return { ms: sum(knownParts.map((p) => p.ms ?? 0)), reason: null, unrecordedSessions };
}

function mergeTimed(parts: TimedSum[]): TimedSum {
  return { ...mergeMeasured(parts), timed: sum(parts.map((p) => p.timed)), untimed: sum(parts.map((p) => p.untimed)) };
}

/**
 * Adds sessions up: wall, API, tool, active and busy time are each the sum over sessions
 * (busy time across sessions is the sum of each session's union, not a union across sessions).
 */
export function mergeTiming(sections: TimingSection[]): TimingSection {
  return {
    sessions: sum(sections.map((s) => s.sessions)),
    liveSessions: sum(sections.map((s) => s.liveSessions)),
    wallTime: mergeMeasured(sections.map((s) => s.wallTime)),
    apiTime: mergeTimed(sections.map((s) => s.apiTime)),
    toolTime: mergeTimed(sections.map((s) => s.toolTime)),
    agentActive: mergeMeasured(sections.map((s) => s.agentActive)),
    busyTime: mergeMeasured(sections.map((s) => s.busyTime)),
  };
}
