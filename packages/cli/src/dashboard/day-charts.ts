import { formatInteger, formatNotAvailable, formatPercent, formatUsd, nanoToUsd } from '@radium-stats/core';
import type { DashboardData } from './collect.js';
import type { ChartSpec } from './page-data.js';

/** Models drawn apart in the cost chart; the rest are summed as one series. */
const SHOWN_MODELS = 7;

const usd = (n: number | null | undefined) => (n === null || n === undefined ? formatNotAvailable() : formatUsd(n));
const sumOf = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
/** Dollars with the nano-dollar grain of the views, so sums of parts show no float noise. */
const exactUsd = (n: number) => Math.round(n * 1e9) / 1e9;

/** Cost per day stacked by model (the biggest spenders of the range apart), from `rad stats daily --json`. */
export function costPerDay(data: DashboardData): ChartSpec {
  const { daily } = data;
  const shown = data.model.models.slice(0, SHOWN_MODELS).map((m) => m.model);
  const others = data.model.models.length > SHOWN_MODELS;
  const costOf = (p: (typeof daily.periods)[number], model: string) => p.models.find((m) => m.model === model)?.pricedCostUsd ?? 0;
  const otherOf = (p: (typeof daily.periods)[number]) => exactUsd(sumOf(p.models.filter((m) => !shown.includes(m.model)).map((m) => m.pricedCostUsd)));
  const series = shown.map((model, i) => ({ name: model, values: daily.periods.map((p) => costOf(p, model)), color: i }));
  if (others) series.push({ name: 'Other models', values: daily.periods.map(otherOf), color: SHOWN_MODELS });
  return {
    id: 'cost-per-day',
    title: 'Cost per day, by model',
    description: `Priced cost of the responses completed each day (${daily.timezone}), as rad stats daily --json counts it; days without any session or request are left out.`,
    type: 'bar',
    stacked: true,
    horizontal: false,
    unit: 'usd',
    labels: daily.periods.map((p) => p.period),
    series,
    table: {
      caption: 'Cost per day, by model',
      columns: ['Day', ...series.map((s) => s.name), 'Total'],
      numeric: [false, ...series.map(() => true), true],
      rows: daily.periods.map((p, i) => [p.period, ...series.map((s) => usd(s.values[i])), usd(p.pricedCostUsd)]),
      footer: ['Total', ...series.map((s) => usd(exactUsd(sumOf(s.values.map((v) => v ?? 0))))), usd(daily.total.pricedCostUsd)],
    },
    ...(daily.total.requests === 0 ? { empty: 'No model requests in this range.' } : {}),
  };
}

/** Tokens per day in each bucket (input, output, cache read, cache write), from `rad stats daily --json`. */
export function tokensPerDay(data: DashboardData): ChartSpec {
  const { daily } = data;
  const buckets = [
    { name: 'Input', pick: (p: typeof daily.total) => p.inputTokens },
    { name: 'Output', pick: (p: typeof daily.total) => p.outputTokens },
    { name: 'Cache read', pick: (p: typeof daily.total) => p.cacheReadTokens },
    { name: 'Cache write', pick: (p: typeof daily.total) => p.cacheWriteTokens + p.cacheWrite1hTokens },
  ];
  const all = (p: typeof daily.total) => sumOf(buckets.map((b) => b.pick(p)));
  return {
    id: 'tokens-per-day',
    title: 'Tokens per day',
    description: 'Uncached input, output (reasoning included), cache reads and cache writes (5 minute and 1 hour) of the responses completed each day.',
    type: 'bar',
    stacked: true,
    horizontal: false,
    unit: 'tokens',
    labels: daily.periods.map((p) => p.period),
    series: buckets.map((b, i) => ({ name: b.name, values: daily.periods.map(b.pick), color: i })),
    table: {
      caption: 'Tokens per day',
      columns: ['Day', ...buckets.map((b) => b.name), 'Total'],
      numeric: [false, true, true, true, true, true],
      rows: daily.periods.map((p) => [p.period, ...buckets.map((b) => formatInteger(b.pick(p))), formatInteger(all(p))]),
      footer: ['Total', ...buckets.map((b) => formatInteger(b.pick(daily.total))), formatInteger(all(daily.total))],
    },
    ...(all(daily.total) === 0 ? { empty: 'No tokens in this range.' } : {}),
  };
}

/** Cache hit rate per day, from the cache plugin's section merged per day. */
export function cacheHitRate(data: DashboardData): ChartSpec {
  const rows = data.days.map((d) => ({ period: d.period, total: d.cache?.total }));
  const known = rows.some((r) => r.total?.hitRate !== null && r.total?.hitRate !== undefined);
  const savings = (t: (typeof rows)[number]['total']) => (t === undefined ? formatNotAvailable() : t.savingsUsd === null ? `${formatUsd(nanoToUsd(t.savingsNanoUsd))} (priced only)` : formatUsd(t.savingsUsd));
  return {
    id: 'cache-hit-rate',
    title: 'Cache hit rate per day',
    description: 'Prompt tokens read from the cache out of all prompt tokens (input, cache writes and reads) of the responses completed each day.',
    type: 'line',
    stacked: false,
    horizontal: false,
    unit: 'percent',
    labels: rows.map((r) => r.period),
    series: [{ name: 'Hit rate', values: rows.map((r) => (r.total?.hitRate === null || r.total?.hitRate === undefined ? null : Math.round(r.total.hitRate * 1000) / 10)), color: 0 }],
    table: {
      caption: 'Cache hit rate per day',
      columns: ['Day', 'Hit rate', 'Cache read tokens', 'Savings'],
      numeric: [false, true, true, true],
      rows: rows.map((r) => [
        r.period,
        r.total?.hitRate === null || r.total?.hitRate === undefined ? formatNotAvailable(r.total?.hitRateReason ?? undefined) : formatPercent(r.total.hitRate),
        r.total ? formatInteger(r.total.cacheReadTokens) : formatNotAvailable(),
        savings(r.total),
      ]),
    },
    ...(known ? {} : { empty: data.sections.cache ? 'No prompt tokens in this range, so no hit rate.' : 'Not measured: no session in this range has a cache section (is the cache plugin switched off?).' }),
  };
}

/** Lines added and removed per day (sessions by the day they started), from the git plugin's section merged per day. */
export function codeChangesPerDay(data: DashboardData): ChartSpec {
  const rows = data.days.map((d) => ({ period: d.period, git: d.git }));
  const known = rows.some((r) => r.git?.linesAdded !== null && r.git?.linesAdded !== undefined);
  const count = (n: number | null | undefined) => (n === null || n === undefined ? formatNotAvailable() : formatInteger(n));
  return {
    id: 'code-changes-per-day',
    title: 'Code changes per day',
    description: 'Lines added and removed by the sessions that started each day (git snapshots, or the edits the agent reported); removed lines are drawn below zero.',
    type: 'bar',
    stacked: true,
    horizontal: false,
    unit: 'lines',
    labels: rows.map((r) => r.period),
    series: [
      { name: 'Lines added', values: rows.map((r) => r.git?.linesAdded ?? null), color: 2 },
      { name: 'Lines removed', values: rows.map((r) => (r.git?.linesRemoved === null || r.git?.linesRemoved === undefined ? null : -r.git.linesRemoved)), color: 3 },
    ],
    table: {
      caption: 'Code changes per day',
      columns: ['Day', 'Lines added', 'Lines removed', 'Files changed'],
      numeric: [false, true, true, true],
      rows: rows.map((r) => [r.period, count(r.git?.linesAdded), count(r.git?.linesRemoved), count(r.git?.filesChanged)]),
      ...(data.sections.git ? { footer: ['Total', count(data.sections.git.linesAdded), count(data.sections.git.linesRemoved), count(data.sections.git.filesChanged)] } : {}),
    },
    ...(known ? {} : { empty: data.sections.git ? 'No line counts measured in this range.' : 'Not measured: no session in this range has a git section (is the git plugin switched off?).' }),
  };
}
