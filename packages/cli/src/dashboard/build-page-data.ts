import { formatInteger, formatNotAvailable, formatPercent, formatUsd, nanoToUsd } from '@radium-stats/core';
import { formatLocalTime } from '../filters/time-zone.js';
import { costCalendar } from './calendar.js';
import type { DashboardData } from './collect.js';
import { cacheHitRate, codeChangesPerDay, costPerDay, tokensPerDay } from './day-charts.js';
import { tokensOf } from './groups.js';
import type { KpiSpec, PageData, SessionsSpec } from './page-data.js';
import { costByGroup, timeSplit, toolCalls } from './total-charts.js';

/** The headline numbers: cost, sessions and tokens of `rad stats model --json`, cache savings and hit rate of the merged cache section. */
function kpis(data: DashboardData): KpiSpec[] {
  const { total, scope, unpricedModels } = data.model;
  const cache = data.sections.cache?.total;
  const savings = cache === undefined ? null : cache.savingsUsd ?? nanoToUsd(cache.savingsNanoUsd);
  return [
    {
      id: 'cost',
      label: 'Total cost',
      value: total.pricedCostUsd,
      text: formatUsd(total.pricedCostUsd),
      ...(total.costUsd === null ? { note: `Leaves out unpriced responses of ${unpricedModels.join(', ')}.` } : {}),
    },
    { id: 'sessions', label: 'Sessions', value: scope.sessions, text: formatInteger(scope.sessions) },
    { id: 'tokens', label: 'Tokens', value: tokensOf(total), text: formatInteger(tokensOf(total)), note: `${formatInteger(total.requests)} requests` },
    {
      id: 'cache-savings',
      label: 'Cache savings',
      value: savings,
      text: savings === null ? formatNotAvailable() : formatUsd(savings),
      ...(cache && cache.savingsUsd === null ? { note: 'Priced responses only.' } : cache ? {} : { note: 'Not measured (cache plugin switched off?).' }),
    },
    {
      id: 'cache-hit-rate',
      label: 'Cache hit rate',
      value: cache?.hitRate ?? null,
      text: cache?.hitRate === null || cache?.hitRate === undefined ? formatNotAvailable() : formatPercent(cache.hitRate),
    },
  ];
}

function sessions(data: DashboardData): SessionsSpec {
  const { sessionTable } = data;
  return {
    title: 'Most expensive sessions',
    description: 'The sessions that started in this range with the highest cost, as rad stats history shows them; open one for what rad stats session shows.',
    table: {
      caption: 'Most expensive sessions',
      captionHidden: true,
      columns: sessionTable.columns.map((c) => c.header),
      numeric: sessionTable.columns.map((_c, i) => i >= 3),
      rows: sessionTable.rows,
    },
    details: data.sessions.map((s) => ({ sessionId: s.report.sessionId, blocks: s.blocks, report: s.report })),
  };
}

/** Turns the collected views into what the page draws: formatted with the same formatters as the terminal views. */
export function buildPageData(data: DashboardData): PageData {
  const { daily, query } = data;
  const range = `${daily.periods[0]!.period} to ${daily.periods.at(-1)!.period} (${daily.timezone})`;
  return {
    title: 'rad stats dashboard',
    scope: query.applied.length > 0 ? `${range}. Filters: ${query.applied.join(', ')}.` : `${range}. All sessions.`,
    generated: `Generated ${formatLocalTime(query.nowMs, query.timeZone)} (${query.timeZone}).`,
    kpis: kpis(data),
    charts: [
      costPerDay(data),
      tokensPerDay(data),
      cacheHitRate(data),
      toolCalls(data),
      timeSplit(data),
      codeChangesPerDay(data),
      costByGroup(data.byAgent, 'agent'),
      costByGroup(data.byProject, 'project'),
    ],
    calendar: costCalendar(data),
    sessions: sessions(data),
  };
}
