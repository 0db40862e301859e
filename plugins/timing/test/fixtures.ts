import { events } from '@radium-stats/core/testing';
import type { FinishInfo } from '@radium-stats/core';
import { createTimingCollector } from '../src/collector.js';
import type { TimingSection } from '../src/section.js';

/** An ended session's finish info from start to end. */
export function ended(startTime: string, endTime: string): FinishInfo {
  return { startTime, endTime, status: 'ended', now: endTime };
}

/** Folds terse events through a timing collector. */
export function foldTiming(info: FinishInfo, ...inputs: Record<string, unknown>[]): TimingSection {
  const collector = createTimingCollector();
  for (const event of events(...inputs)) collector.add(event);
  return collector.finish(info) as TimingSection;
}

/** An api.response event finishing at `ts`. */
export function api(ts: string, durationMs?: number): Record<string, unknown> {
  return { type: 'api.response', ts, model: 'gemini-3-pro-preview', engine: 'gemini', ...(durationMs === undefined ? {} : { durationMs }) };
}

/** A tool.call event finishing at `ts`. */
export function tool(ts: string, durationMs?: number): Record<string, unknown> {
  return { type: 'tool.call', ts, name: 'run_shell_command', success: true, ...(durationMs === undefined ? {} : { durationMs }) };
}
