import { RadiumError, summarizeReport, type Host, type SessionReport, type StoreFilter, type TableBlock, type ViewBlock } from '@radium-stats/core';
import type { CacheSection } from '@radium-stats/plugin-cache';
import type { GitSection } from '@radium-stats/plugin-git';
import type { TimingSection } from '@radium-stats/plugin-timing';
import type { ToolsSection } from '@radium-stats/plugin-tools';
import { zonedTimeMs } from '../filters/time-zone.js';
import { periodsBetween, type Period } from '../time-views/periods.js';
import { timeView, type TimeViewJson } from '../time-views/time-view.js';
import { activeReport } from '../views/active-report.js';
import { historyTable } from '../views/history-table.js';
import { namedView } from '../views/named-view.js';
import { sessionBlocks } from '../views/session-view.js';
import { usageByGroup, type GroupUsage, type ModelViewJson } from './groups.js';

/** Plugins whose merged sections the dashboard draws, by id. */
const SECTION_PLUGINS = { tools: 'tools', timing: 'timing', cache: 'cache', git: 'git' } as const;
/** What ranks the most expensive sessions: the tokens plugin's cost facts. */
const COST_FACTS = { plugin: 'tokens', table: 'usage', measure: 'cost_nano_usd' };
/** Sessions listed as the most expensive. */
const TOP_SESSIONS = 10;
const DAY_MS = 86_400_000;

/** What the dashboard is about: the parsed filter flags, and the time the page is made. */
export interface DashboardQuery {
  filter: StoreFilter;
  /** Phrases of the filters that applied (empty when none did). */
  applied: string[];
  timeZone: string;
  nowMs: number;
}

/** One of the most expensive sessions: `rad stats session --json` and the blocks `rad stats session` prints. */
export interface TopSession {
  report: SessionReport;
  blocks: ViewBlock[];
}

/** Per-day sections besides tokens, on the days of the daily view. */
export interface DayExtras {
  period: string;
  cache?: CacheSection;
  git?: GitSection;
}

/** Everything the page shows, each part from the builder of a `--json` view. */
export interface DashboardData {
  query: DashboardQuery;
  /** `rad stats model --json`. */
  model: ModelViewJson;
  /** `rad stats daily --json`. */
  daily: TimeViewJson;
  /** The cache and git sections merged per day of `daily`, in its order. */
  days: DayExtras[];
  /** Sections merged over the selection (the sections of `rad stats session --json`, summed). */
  sections: { tools?: ToolsSection; timing?: TimingSection; cache?: CacheSection; git?: GitSection };
  /** The calendar's days (whole weeks up to today or --until) and `rad stats daily --json` over them. */
  year: { days: Period[]; view: TimeViewJson | undefined };
  /** The most expensive sessions, highest cost first, and their `rad stats history` rows. */
  sessions: TopSession[];
  sessionTable: TableBlock;
  byAgent: GroupUsage[];
  byProject: GroupUsage[];
}

/** The calendar's days: whole weeks (Monday first) from a year before the last day up to it, the last day being today or --until's. */
export function calendarDays(zone: string, nowMs: number, untilMs: number | undefined): Period[] {
  const lastMs = Math.min(nowMs, (untilMs ?? Infinity) - 1);
  const last = periodsBetween('day', zone, lastMs, lastMs)[0]!;
  // Noon, so a clock change in the year between cannot move the instant into the day before.
  const yearBefore = last.from - 364 * DAY_MS + DAY_MS / 2;
  const firstWeek = periodsBetween('week', zone, yearBefore, yearBefore, 'monday')[0]!;
  return periodsBetween('day', zone, firstWeek.from, last.from);
}

/** The cache and git sections of each day of the daily view, merged from the same facts by the same query as the time views. */
async function dayExtras(host: Host, query: DashboardQuery, daily: TimeViewJson): Promise<DayExtras[]> {
  const dayStart = (label: string) => {
    const [year, month, day] = label.split('-').map(Number) as [number, number, number];
    return zonedTimeMs(query.timeZone, year, month, day);
  };
  const days = periodsBetween('day', query.timeZone, dayStart(daily.periods[0]!.period), dayStart(daily.periods.at(-1)!.period));
  const merged = await host.catalog.mergedByPeriod(query.filter, days.map((d) => [d.from, d.to] as const), [SECTION_PLUGINS.cache, SECTION_PLUGINS.git]);
  const byLabel = new Map(merged.map((entry) => [days[entry.period]!.label, entry.plugins]));
  return daily.periods.map(({ period }) => {
    const plugins = byLabel.get(period) ?? {};
    return {
      period,
      ...(plugins[SECTION_PLUGINS.cache] ? { cache: plugins[SECTION_PLUGINS.cache] as CacheSection } : {}),
      ...(plugins[SECTION_PLUGINS.git] ? { git: plugins[SECTION_PLUGINS.git] as GitSection } : {}),
    };
  });
}

/** `rad stats daily --json` over the calendar's days (with the other filters), or undefined when the filter's dates leave none of them. */
async function yearView(host: Host, query: DashboardQuery): Promise<DashboardData['year']> {
  const days = calendarDays(query.timeZone, query.nowMs, query.filter.untilMs);
  const sinceMs = Math.max(query.filter.sinceMs ?? -Infinity, days[0]!.from);
  const untilMs = Math.min(query.filter.untilMs ?? Infinity, days.at(-1)!.to);
  if (sinceMs >= untilMs) return { days, view: undefined };
  const view = await timeView(host, { unit: 'day', zone: query.timeZone, weekStart: 'monday', filter: { ...query.filter, sinceMs, untilMs } }, true);
  return { days, view };
}

/** The most expensive sessions started in the range, loaded as `rad stats session` loads them; one that went bad since it was listed is skipped with a warning. */
async function topSessions(host: Host, query: DashboardQuery): Promise<{ sessions: TopSession[]; table: TableBlock }> {
  const sessions: TopSession[] = [];
  for (const id of await host.catalog.rankedBy(query.filter, COST_FACTS, TOP_SESSIONS)) {
    try {
      const { report } = await host.store.load(id);
      sessions.push({ report, blocks: sessionBlocks(report, host.plugins, host.warnings.warn) });
    } catch (error) {
      if (!(error instanceof RadiumError)) throw error;
      host.warnings.warn(error.message);
    }
  }
  const ids = await host.catalog.typeableIds(sessions.map((s) => s.report.sessionId));
  const summaries = sessions.map((s) => summarizeReport(s.report, host.plugins, host.warnings.warn));
  const table = historyTable(summaries, host.plugins, { ids, zone: query.timeZone }, host.warnings.warn);
  return { sessions: sessions.map((s) => ({ ...s, report: activeReport(s.report, host.plugins) })), table };
}

/**
 * Gathers the dashboard's numbers by calling the builders of the `--json` views (model, daily,
 * history, session, the plugins' merged sections) with the same filter; undefined when the
 * filters match no session. Throws NoSessionsError for an empty workspace, like the views.
 */
export async function collectDashboard(host: Host, query: DashboardQuery): Promise<DashboardData | undefined> {
  const filtered = query.applied.length > 0;
  const daily = await timeView(host, { unit: 'day', zone: query.timeZone, weekStart: 'monday', filter: query.filter }, filtered);
  const modelView = await namedView(host, 'model', undefined, query.filter, filtered);
  if (!daily || modelView.empty) return undefined;
  const merged = await host.catalog.merged(query.filter, Object.values(SECTION_PLUGINS));
  const section = <T>(id: string) => merged.plugins[id]?.section as T | undefined;
  const top = await topSessions(host, query);
  return {
    query,
    model: modelView.json as ModelViewJson,
    daily,
    days: await dayExtras(host, query, daily),
    sections: {
      tools: section<ToolsSection>(SECTION_PLUGINS.tools),
      timing: section<TimingSection>(SECTION_PLUGINS.timing),
      cache: section<CacheSection>(SECTION_PLUGINS.cache),
      git: section<GitSection>(SECTION_PLUGINS.git),
    },
    year: await yearView(host, query),
    sessions: top.sessions,
    sessionTable: top.table,
    byAgent: await usageByGroup(host, query.filter, 'agent', modelView.json as ModelViewJson),
    byProject: await usageByGroup(host, query.filter, 'project', modelView.json as ModelViewJson),
  };
}
