import type { LegacyMetrics } from '@radium-stats/core';
import type { ToolsSection } from './section.js';

/** Reason shown for what the original Radium never filled in. */
export const NOT_RECORDED_BY_LEGACY = 'not recorded by the original Radium';

/**
 * Reads the original Radium's tool counters. It never filled them in, so all-zero counters mean
 * "not measured" (null), not "no calls"; nonzero counters are used as they are.
 */
export function toolsFromLegacy(m: LegacyMetrics): ToolsSection {
  const outcomes = m.successful_tool_calls + m.failed_tool_calls;
  const calls = Math.max(m.tool_calls, outcomes);
  const approvals = m.tool_approvals_allowed + m.tool_approvals_denied;
  return {
    calls: calls > 0 ? calls : null,
    succeeded: m.successful_tool_calls,
    failed: m.failed_tool_calls,
    callsReason: calls > 0 ? null : NOT_RECORDED_BY_LEGACY,
    unrecordedSessions: calls > 0 ? 0 : 1,
    timedCalls: 0,
    totalDurationMs: null,
    durationReason: NOT_RECORDED_BY_LEGACY,
    tools: [],
    toolsOmitted: false,
    decisions: approvals > 0 ? { accept: m.tool_approvals_allowed, reject: m.tool_approvals_denied, modify: 0, autoAccept: 0 } : null,
    decisionsReason: approvals > 0 ? null : NOT_RECORDED_BY_LEGACY,
  };
}
