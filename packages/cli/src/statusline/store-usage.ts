import { WorkspacePaths, importedSessionId, nanoToUsd, type Host, type PeriodUsage } from '@radium-stats/core';
import { periodProvider } from '../time-views/time-view.js';
import { localDay } from './local-day.js';
import { cacheHitRate, type StatusUsage } from './usage.js';

/** Id of the Claude Code importer, whose sessions are stored as `claude-code-<session id>`. */
const CLAUDE_CODE = 'claude-code';

function statusUsage(u: PeriodUsage): StatusUsage {
  const rate = cacheHitRate(u);
  return { costUsd: nanoToUsd(u.costNanoUsd), complete: u.unpricedRequests === 0, ...(rate !== undefined ? { hitRate: rate } : {}) };
}

/** A stored session's usage, and whether it was read from its report alone (not folded from its journal, which can depend on whether its recorder still runs). */
export interface StoredSessionUsage {
  usage: StatusUsage | undefined;
  fromReport: boolean;
}

/** Report and journal files of the Claude Code session `sessionId` (imported as `claude-code-<id>`). */
export function storedSessionFiles(root: string, sessionId: string): string[] {
  const id = importedSessionId(CLAUDE_CODE, sessionId);
  const paths = new WorkspacePaths(root);
  return [paths.reportFile(id), paths.journalFile(id)];
}

/**
 * The Claude Code session as the store holds it (imported as `claude-code-<id>`), read from its one
 * report (two stats and a read, no listing); undefined when it was not imported.
 */
export async function storedSessionUsage(host: Host, sessionId: string): Promise<StoredSessionUsage | undefined> {
  const entry = await host.store.entry(importedSessionId(CLAUDE_CODE, sessionId));
  if (!entry.report && !entry.journal) return undefined;
  const { report, origin } = await host.store.loadEntry(entry);
  const provider = periodProvider(host, 'day');
  const section = report.sections[provider.id];
  return { usage: section === undefined ? undefined : statusUsage(provider.period(section).total), fromReport: origin === 'report' };
}

/**
 * Usage of the responses that completed today: the query `rad stats daily` runs for each day (the
 * store's daily rollups and the fact rows of the partial UTC days at its ends), so the figures are equal.
 */
export async function todayUsage(host: Host, nowMs: number): Promise<StatusUsage> {
  const provider = periodProvider(host, 'day');
  const [today] = await host.catalog.mergedByPeriod({}, [localDay(nowMs)], [provider.id]);
  const section = today?.plugins[provider.id];
  return section === undefined ? { costUsd: 0, complete: true } : statusUsage(provider.period(section).total);
}
