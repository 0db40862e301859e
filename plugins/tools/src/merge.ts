import { byCallsThenName } from './order.js';
import { commonReason, NOT_RECORDED_ANYWHERE } from './reasons.js';
import { DURATIONS_NOT_RECORDED, type DecisionCounts, type ToolStats, type ToolsSection } from './section.js';

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mergeToolLists(sections: ToolsSection[]): ToolStats[] {
  const byName = new Map<string, ToolStats>();
  for (const t of sections.flatMap((s) => s.tools)) {
    const into = byName.get(t.name);
    if (!into) {
      byName.set(t.name, { ...t });
      continue;
    }
    into.calls += t.calls;
    into.succeeded += t.succeeded;
    into.failed += t.failed;
    into.timedCalls += t.timedCalls;
    if (t.totalDurationMs !== null) into.totalDurationMs = (into.totalDurationMs ?? 0) + t.totalDurationMs;
  }
  return [...byName.values()].sort(byCallsThenName);
}

function mergeDecisions(sections: ToolsSection[]): DecisionCounts | null {
  const known = sections.map((s) => s.decisions).filter((d): d is DecisionCounts => d !== null);
  if (known.length === 0 && sections.length > 0) return null;
  return {
    accept: sum(known.map((d) => d.accept)),
    reject: sum(known.map((d) => d.reject)),
    modify: sum(known.map((d) => d.modify)),
    autoAccept: sum(known.map((d) => d.autoAccept)),
  };
}

/** Adds sessions up exactly; sessions whose calls were not recorded are counted in `unrecordedSessions`, not guessed. */
export function mergeTools(sections: ToolsSection[]): ToolsSection {
  const known = sections.filter((s) => s.calls !== null);
  const calls = known.length === 0 && sections.length > 0 ? null : sum(known.map((s) => s.calls ?? 0));
  const timedCalls = sum(sections.map((s) => s.timedCalls));
  const durationKnown = timedCalls > 0 || calls === 0;
  const decisions = mergeDecisions(sections);
  return {
    calls,
    succeeded: sum(sections.map((s) => s.succeeded)),
    failed: sum(sections.map((s) => s.failed)),
    callsReason: calls === null ? commonReason(sections.map((s) => s.callsReason), NOT_RECORDED_ANYWHERE) : null,
    unrecordedSessions: sum(sections.map((s) => s.unrecordedSessions)),
    timedCalls,
    totalDurationMs: durationKnown ? sum(sections.map((s) => s.totalDurationMs ?? 0)) : null,
    durationReason: durationKnown ? null : commonReason(sections.map((s) => s.durationReason), DURATIONS_NOT_RECORDED),
    tools: mergeToolLists(sections),
    toolsOmitted: sections.some((s) => s.toolsOmitted),
    decisions,
    decisionsReason: decisions === null ? commonReason(sections.map((s) => s.decisionsReason), NOT_RECORDED_ANYWHERE) : null,
  };
}

/** Drops the per-tool list (it grows with every tool name) and keeps every total history and merges need. */
export function summarizeTools(section: ToolsSection): ToolsSection {
  if (section.tools.length === 0) return section;
  return { ...section, tools: [], toolsOmitted: true };
}
