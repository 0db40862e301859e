import type { DecisionCounts, ToolsSection } from './section.js';

/** A ratio, or null with the reason it cannot be known. */
export type Ratio = { value: number; reason: null } | { value: null; reason: string };

/** Successful calls over calls with a known outcome (all calls, for sessions recorded by events). */
export function successRate(s: ToolsSection): Ratio {
  if (s.calls === null) return { value: null, reason: s.callsReason ?? 'tool calls not recorded' };
  const known = s.succeeded + s.failed;
  if (known > 0) return { value: s.succeeded / known, reason: null };
  return { value: null, reason: s.calls === 0 ? 'no tool calls' : 'call outcomes not recorded' };
}

/** All decisions made. */
export function decisionTotal(d: DecisionCounts): number {
  return d.accept + d.reject + d.modify + d.autoAccept;
}

/** Accepted (by the user or automatically) over all decisions; null when there were none. */
export function agreementRate(d: DecisionCounts | null): number | null {
  if (!d) return null;
  const total = decisionTotal(d);
  return total > 0 ? (d.accept + d.autoAccept) / total : null;
}
