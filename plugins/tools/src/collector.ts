import { factBucket, type Collector, type FinishInfo, type SessionEvent, type ToolCallEvent } from '@radium-stats/core';
import { ToolCallRows, toolSessionRow } from './fact-rows.js';
import { byCallsThenName } from './order.js';
import { DURATIONS_NOT_RECORDED, type DecisionCounts, type ToolStats, type ToolsSection } from './section.js';

const decisionKey = { accept: 'accept', reject: 'reject', modify: 'modify', auto_accept: 'autoAccept' } as const;

/** Folds `tool.call` events into counts per tool, outcomes, durations and decisions, and their fact rows. */
export function createToolsCollector(): Collector<ToolsSection> {
  // A Map, not an object: tool names are untrusted and `__proto__` must stay an ordinary name.
  const tools = new Map<string, ToolStats>();
  const decisions: DecisionCounts = { accept: 0, reject: 0, modify: 0, autoAccept: 0 };
  const rows = new ToolCallRows();
  let finished: { section: ToolsSection; startTime: string } | undefined;
  return {
    add(event: SessionEvent) {
      if (event.type !== 'tool.call') return;
      const call = event as ToolCallEvent;
      let stats = tools.get(call.name);
      if (!stats) tools.set(call.name, (stats = { name: call.name, calls: 0, succeeded: 0, failed: 0, timedCalls: 0, totalDurationMs: null }));
      stats.calls += 1;
      if (call.success) stats.succeeded += 1;
      else stats.failed += 1;
      if (call.durationMs !== undefined) {
        stats.timedCalls += 1;
        stats.totalDurationMs = (stats.totalDurationMs ?? 0) + call.durationMs;
      }
      if (call.decision) decisions[decisionKey[call.decision]] += 1;
      rows.add(call);
    },
    finish(info: FinishInfo) {
      const list = [...tools.values()].sort(byCallsThenName);
      const sum = (pick: (t: ToolStats) => number) => list.reduce((n, t) => n + pick(t), 0);
      const calls = sum((t) => t.calls);
      const timedCalls = sum((t) => t.timedCalls);
      const untimedOnly = calls > 0 && timedCalls === 0;
      const section: ToolsSection = {
        calls,
        succeeded: sum((t) => t.succeeded),
        failed: sum((t) => t.failed),
        callsReason: null,
        unrecordedSessions: 0,
        timedCalls,
        totalDurationMs: untimedOnly ? null : sum((t) => t.totalDurationMs ?? 0),
        durationReason: untimedOnly ? DURATIONS_NOT_RECORDED : null,
        tools: list,
        toolsOmitted: false,
        decisions,
        decisionsReason: null,
      };
      finished = { section, startTime: info.startTime };
      return section;
    },
    facts() {
      if (!finished) throw new Error('facts() called before finish()');
      // The session row goes in the bucket of the start: known for every session and fixed while a live one grows.
      return { tool_calls: rows.list(), tool_sessions: [toolSessionRow(finished.section, factBucket(finished.startTime))] };
    },
  };
}
