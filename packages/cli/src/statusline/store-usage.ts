import { importedSessionId, nanoToUsd, type Host, type PeriodUsage, type TimeRange } from '@radium-stats/core';
import { periodProvider } from '../time-views/time-view.js';
import { cacheHitRate, type StatusUsage } from './usage.js';

/** Id of the Claude Code importer, whose sessions are stored as `claude-code-<session id>`. */
const CLAUDE_CODE = 'claude-code';

function statusUsage(u: PeriodUsage): StatusUsage {
  const rate = cacheHitRate(u);
  return { costUsd: nanoToUsd(u.costNanoUsd), complete: u.unpricedRequests === 0, ...(rate !== undefined ? { hitRate: rate } : {}) };
}

/**
 * Today in the local time zone: from local midnight to the next, as `rad stats daily` cuts days (a
 * midnight a clock change skips becomes the first instant after it). Date's own zone rules answer,
 * so no Intl formatter is built: starting one costs about 25 ms, a fifth of the status line's budget.
 */
export function localDay(nowMs: number): TimeRange {
  const now = new Date(nowMs);
  const midnight = (days: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + days).getTime();
  return [midnight(0), midnight(1)];
}

/**
 * The Claude Code session as the store holds it (imported as `claude-code-<id>`), read from its one
 * report (two stats and a read, no listing); undefined when it was not imported.
 */
export async function storedSessionUsage(host: Host, sessionId: string): Promise<StatusUsage | undefined> {
  const entry = await host.store.entry(importedSessionId(CLAUDE_CODE, sessionId));
  if (!entry.report && !entry.journal) return undefined;
  const { report } = await host.store.loadEntry(entry);
  const provider = periodProvider(host, 'day');
  const section = report.sections[provider.id];
  return section === undefined ? undefined : statusUsage(provider.period(section).total);
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
