import type { Host, StoreFilter } from '@radium-stats/core';
import { zonedDate, zonedTimeMs } from '../filters/time-zone.js';
import { noSessionsError } from '../views/select-session.js';
import { HeatLevels } from './heat-levels.js';
import { periodsBetween, type WeekStart } from './periods.js';
import { timeView, type PeriodJson, type UsageJson } from './time-view.js';

/** Weeks a calendar shows, the last one holding its end day. */
export const CALENDAR_WEEKS = 52;

/** What a calendar's shades measure per day. */
export const CALENDAR_METRICS = ['cost', 'tokens', 'sessions'] as const;
export type CalendarMetric = (typeof CALENDAR_METRICS)[number];

/** One day of `rad stats calendar --json`. */
export interface CalendarDayJson {
  /** `YYYY-MM-DD` in the calendar's time zone. */
  date: string;
  /** The metric's value: pricedCostUsd, tokens or sessions. */
  value: number;
  /** Shade: 0 for nothing, else 1 (least) to 4 (most); see HeatLevels. */
  level: number;
  /** Sessions that started that day. */
  sessions: number;
  /** Input, output, cache read and cache write tokens of the responses that completed that day. */
  tokens: number;
  /** Cost in USD; null when any response could not be priced. */
  costUsd: number | null;
  /** Cost of the responses that could be priced. */
  pricedCostUsd: number;
}

/** `rad stats calendar --json` (schema: schema/calendar.schema.json). */
export interface CalendarJson {
  timezone: string;
  weekStart: WeekStart;
  metric: CalendarMetric;
  /** First day of the grid (the first day of its first week). */
  from: string;
  /** Last day of the grid: --until's day, or today. */
  to: string;
  /** The highest value of each level from 1 to 4; null for a level no day has. */
  levels: (number | null)[];
  /** Every day from `from` to `to`, oldest first; empty when no session matched the filters. */
  days: CalendarDayJson[];
  /** Sum over the days; null when no session matched the filters. */
  total: (Omit<CalendarDayJson, 'date' | 'level'> & { activeDays: number; unpricedRequests: number }) | null;
}

/** What a calendar asks. */
export interface CalendarQuery {
  zone: string;
  weekStart: WeekStart;
  metric: CalendarMetric;
  filter: StoreFilter;
  /** The clock: the calendar ends today unless the filter has an end. */
  nowMs: number;
}

/** Every token a response counted, cached or not (reasoning is inside output). */
const tokensOf = (u: UsageJson) => u.inputTokens + u.outputTokens + u.cacheReadTokens + u.cacheWriteTokens + u.cacheWrite1hTokens;

/** The instants the grid spans, [from, to): 52 whole weeks ending with the week of --until's day (or today), cut at the end of that day. */
function calendarWindow(zone: string, weekStart: WeekStart, filter: StoreFilter, nowMs: number): { from: number; to: number } {
  const today = zonedDate(nowMs, zone);
  const to = filter.untilMs ?? zonedTimeMs(zone, today.year, today.month, today.day + 1);
  const lastWeek = periodsBetween('week', zone, to - 1, to - 1, weekStart)[0]!;
  const [year, month, day] = lastWeek.label.split('-').map(Number) as [number, number, number];
  return { from: zonedTimeMs(zone, year, month, day - 7 * (CALENDAR_WEEKS - 1)), to };
}

function metricOf(metric: CalendarMetric, row: UsageJson & { sessions: number }): number {
  return metric === 'cost' ? row.pricedCostUsd : metric === 'tokens' ? tokensOf(row) : row.sessions;
}

/**
 * Computes `rad stats calendar`: the daily numbers of `rad stats daily` over the last 52 weeks, in
 * one query (the time views' mergedByPeriod over the days), each day with its shade. Undefined when
 * filters were given and nothing matched them; an empty workspace is NoSessionsError.
 */
export async function calendarView(host: Host, query: CalendarQuery, filtered: boolean): Promise<CalendarJson> {
  const window = calendarWindow(query.zone, query.weekStart, query.filter, query.nowMs);
  const days = periodsBetween('day', query.zone, window.from, window.to - 1);
  const sinceMs = Math.max(query.filter.sinceMs ?? window.from, window.from);
  const view = sinceMs < window.to ? await timeView(host, { unit: 'day', zone: query.zone, weekStart: query.weekStart, filter: { ...query.filter, sinceMs, untilMs: window.to } }, true) : undefined;
  const empty: CalendarJson = { timezone: query.zone, weekStart: query.weekStart, metric: query.metric, from: days[0]!.label, to: days.at(-1)!.label, levels: [null, null, null, null], days: [], total: null };
  if (!view) {
    if (filtered) return empty;
    if ((await host.catalog.page(0, 1)).total === 0) throw noSessionsError(host);
  }
  const byDate = new Map<string, PeriodJson>(view?.periods.map((p) => [p.period, p]));
  const values = days.map((d) => {
    const period = byDate.get(d.label);
    return period ? metricOf(query.metric, period) : 0;
  });
  const levels = new HeatLevels(values);
  const out: CalendarDayJson[] = days.map((d, i) => {
    const p = byDate.get(d.label);
    return { date: d.label, value: values[i]!, level: levels.level(values[i]!), sessions: p?.sessions ?? 0, tokens: p ? tokensOf(p) : 0, costUsd: p ? p.costUsd : 0, pricedCostUsd: p?.pricedCostUsd ?? 0 };
  });
  const sum = view?.total;
  const total: CalendarJson['total'] = sum
    ? { value: metricOf(query.metric, sum), sessions: sum.sessions, tokens: tokensOf(sum), costUsd: sum.costUsd, pricedCostUsd: sum.pricedCostUsd, activeDays: values.filter((v) => v > 0).length, unpricedRequests: sum.unpricedRequests }
    : { value: 0, sessions: 0, tokens: 0, costUsd: 0, pricedCostUsd: 0, activeDays: 0, unpricedRequests: 0 };
  return { ...empty, levels: levels.maxima(), days: out, total };
}
