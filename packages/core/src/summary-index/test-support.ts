import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Host } from '../host/create-host.js';
import { REPORT_SCHEMA_VERSION, type SessionReport } from '../report/schema.js';
import { serializeReport } from '../store/report-store.js';

/** A report of the counting plugin(s) with the given start time and tool calls, for index tests. */
export function countReport(id: string, startTime: string, toolCalls: number, pluginIds: string[] = ['count']): SessionReport {
  const sections: Record<string, unknown> = {};
  for (const pluginId of pluginIds) sections[pluginId] = { byType: { 'session.start': 1, 'tool.call': toolCalls, 'session.end': 1 } };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    sessionId: id,
    startTime,
    endTime: startTime,
    status: 'ended',
    source: 'journal',
    generatedAt: startTime,
    plugins: pluginIds,
    sections,
  };
}

/** Writes a report file directly, as another program would (no change-log entry). */
export function writeReportBehindItsBack(host: Host, report: SessionReport): void {
  writeFileSync(host.paths.reportFile(report.sessionId), serializeReport(report, {}));
}

/**
 * Moves every file time in the sessions folder (and the folder's own) a minute into the past, as
 * if the last write happened long ago: the index then trusts the folder's stamp, which it does not
 * do for a stamp younger than its racy window.
 */
export function settle(host: Host): void {
  const past = new Date(Date.now() - 60_000);
  const dir = host.paths.sessionsDir;
  for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), past, past);
  utimesSync(dir, past, past);
}

/** Start time `minutes` after a fixed moment, for ordered test sessions. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString();
}
