import { nanoToUsd, type Host, type PeriodUsage, type PeriodView, type StoreFilter, type TimeRange } from '@radium-stats/core';
import { ViewUnavailableError } from '../errors.js';
import { noSessionsError } from '../views/select-session.js';
import { periodsBetween, type PeriodUnit, type WeekStart } from './periods.js';

/** Requests, tokens and cost as the time views' JSON gives them: the plugin's counts, the cost in USD. */
export type UsageJson = Omit<PeriodUsage, 'costNanoUsd'> & {
  /** Cost in USD; null when any response could not be priced. */
  costUsd: number | null;
  /** Cost of the responses that could be priced. */
  pricedCostUsd: number;
};

/** One period of `rad stats daily|weekly|monthly --json`. */
export interface PeriodJson extends UsageJson {
  /** First day of the period (`YYYY-MM-DD`), or `YYYY-MM` for a month. */
  period: string;
  /** Sessions that started in the period. */
  sessions: number;
  /** Each model's part, highest cost first. */
  models: (UsageJson & { model: string })[];
}

/** `rad stats daily|weekly|monthly --json` (schema: schema/periods.schema.json). */
export interface TimeViewJson {
  timezone: string;
  unit: PeriodUnit;
  weekStart?: WeekStart;
  periods: PeriodJson[];
  total: UsageJson & { sessions: number };
}

/** What a time view asks. */
export interface TimeViewQuery {
  unit: PeriodUnit;
  zone: string;
  weekStart: WeekStart;
  filter: StoreFilter;
}

/** The command of each unit, as errors name it. */
export const VIEW_NAMES: Record<PeriodUnit, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

const ZERO: PeriodUsage = { requests: 0, inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, cacheWrite1hTokens: 0, costNanoUsd: 0, unpricedRequests: 0 };

function usageJson(u: PeriodUsage): UsageJson {
  const { costNanoUsd, ...counts } = u;
  const priced = nanoToUsd(costNanoUsd);
  return { ...counts, costUsd: u.unpricedRequests > 0 ? null : priced, pricedCostUsd: priced };
}

const byCost = (a: [string, PeriodUsage], b: [string, PeriodUsage]) => b[1].costNanoUsd - a[1].costNanoUsd || b[1].requests - a[1].requests || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The plugin whose sections the time views show: the first (in display order) that gives period rows. */
export function periodProvider(host: Host, unit: PeriodUnit): { id: string; period: (section: unknown) => PeriodView } {
  for (const { plugin } of host.plugins) {
    if (plugin.facts && typeof plugin.report.period === 'function') return { id: plugin.id, period: plugin.report.period.bind(plugin.report) as (section: unknown) => PeriodView };
  }
  throw new ViewUnavailableError(VIEW_NAMES[unit]);
}

/** Where the time range of a view begins and ends: the selected sessions' span, cut to the filter's dates. */
async function viewSpan(host: Host, filter: StoreFilter): Promise<TimeRange | undefined> {
  // Facts after --since can belong to sessions that started before it: the span ignores the dates, then is cut by them.
  const { sinceMs, untilMs, ...sessions } = filter;
  // Both ends given: the periods between them (those without data are left out anyway), no scan of every session.
  if (sinceMs !== undefined && untilMs !== undefined) return [sinceMs, untilMs - 1];
  const span = await host.catalog.span(sessions);
  if (!span) return undefined;
  const first = Math.max(span[0]!, sinceMs ?? -Infinity);
  const last = Math.min(span[1]!, (untilMs ?? Infinity) - 1);
  return first > last ? undefined : [first, last];
}

/**
 * Computes `rad stats daily|weekly|monthly`: one entry per calendar period of the zone with any
 * session or request, oldest first. Tokens and cost fall in the period where each response
 * completed; a session counts in the period where it started. Undefined when no session matches.
 */
export async function timeView(host: Host, query: TimeViewQuery, filtered: boolean): Promise<TimeViewJson | undefined> {
  const provider = periodProvider(host, query.unit);
  const span = await viewSpan(host, query.filter);
  if (!span) {
    if (!filtered && (await host.catalog.page(0, 1)).total === 0) throw noSessionsError(host);
    return undefined;
  }
  const periods = periodsBetween(query.unit, query.zone, span[0]!, span[1]!, query.weekStart);
  // The TOTAL is one more period spanning them all: summed by the same query, so it is exact.
  const ranges: TimeRange[] = [...periods.map((p): TimeRange => [p.from, p.to]), [periods[0]!.from, periods.at(-1)!.to]];
  const merged = await host.catalog.mergedByPeriod(query.filter, ranges, [provider.id]);
  const viewOf = (section: unknown): PeriodView => (section === undefined ? { total: ZERO, models: {} } : provider.period(section));
  const out: PeriodJson[] = [];
  let total: TimeViewJson['total'] = { sessions: 0, ...usageJson(ZERO) };
  for (const entry of merged) {
    const view = viewOf(entry.plugins[provider.id]);
    if (entry.period === periods.length) {
      total = { sessions: entry.sessions, ...usageJson(view.total) };
      continue;
    }
    if (entry.sessions === 0 && view.total.requests === 0) continue;
    const models = Object.entries(view.models).sort(byCost).map(([model, usage]) => ({ model, ...usageJson(usage) }));
    out.push({ period: periods[entry.period]!.label, sessions: entry.sessions, ...usageJson(view.total), models });
  }
  if (out.length === 0) return undefined;
  return { timezone: query.zone, unit: query.unit, ...(query.unit === 'week' ? { weekStart: query.weekStart } : {}), periods: out, total };
}
