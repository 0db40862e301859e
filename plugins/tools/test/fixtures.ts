import type { ToolsSection } from '../src/section.js';

/** A tools section with every total zero, overridden by `over`. */
export function toolsSection(over: Partial<ToolsSection> = {}): ToolsSection {
  return {
    calls: 0,
    succeeded: 0,
    failed: 0,
    callsReason: null,
    unrecordedSessions: 0,
    timedCalls: 0,
    totalDurationMs: 0,
    durationReason: null,
    tools: [],
    toolsOmitted: false,
    decisions: { accept: 0, reject: 0, modify: 0, autoAccept: 0 },
    decisionsReason: null,
    ...over,
  };
}
