import { reportSourceOf, type ActivePlugin, type MergedSummaries, type PeriodSections, type SessionPage, type SessionSummary, type StoreFilter, type StoredFactTable, type SummedFactRow, type TimeRange } from '@radium-stats/core';
import type { WarehouseExecutor } from './executor.js';
import { ALL_FINAL, cleanParts, stayedClean, type CleanParts } from './parts.js';
import { factTableName } from './schema.js';
import { sqlString } from './sql.js';
import { countSessionsSql, layers, sessionFactsSql, sessionPageSql, spanSql, sumFactsSql, type TeamScope } from './team-sql.js';

/** A group's value (a developer, project or agent; null for sessions without one), or the one group of an ungrouped view. */
export type GroupValue = string | null;

/** Rows of an answer: the group, the period (1-based within its layer) and the columns asked for. */
type AnswerRow = Record<string, string | number | null> & { ':by'?: GroupValue; ':period': number };

const keyOf = (value: GroupValue | undefined) => JSON.stringify(value ?? null);

/** Times a statement is run over a newer list of clean parts when pushes changed them while it ran, before it is read through FINAL alone. */
const CLEAN_READ_ATTEMPTS = 3;

/**
 * The team views' numbers from the warehouse, in the shapes the local store gives them: each fact
 * table summed and grouped in ClickHouse (per group of `--by`, when asked), then handed to the same
 * `toSection` of its plugin, so a view reads the same whichever store answered.
 */
export class TeamSource {
  private present?: Promise<Set<string>>;
  private clean?: CleanParts;

  constructor(
    private readonly warehouse: WarehouseExecutor,
    private readonly plugins: readonly ActivePlugin[],
    private readonly scope: TeamScope,
    private readonly now: () => number = Date.now,
  ) {}

  private get db(): string {
    return this.warehouse.target.database;
  }

  /** The fact tables of the active plugins (as push names them). */
  private get tables(): StoredFactTable[] {
    return this.plugins.flatMap(({ plugin }) => (plugin.facts?.tables ?? []).map((table) => ({ plugin: plugin.id, table, sql: '', rollup: '' })));
  }

  /** Tables the warehouse has: a table no push made yet holds nothing. */
  private async tablesPresent(): Promise<Set<string>> {
    this.present ??= this.warehouse.rows<{ name: string }>(`SELECT name FROM system.tables WHERE database = ${sqlString(this.db)}`).then((rows) => new Set(rows.map((r) => r.name)));
    return this.present;
  }

  /**
   * The rows of a statement built over the tables' clean parts (read without FINAL), checked against
   * the parts listed once it has run: when a push or merge changed a clean part meanwhile, it is run
   * again over the new list, and at last through FINAL alone, so no key is ever read twice.
   */
  private async read<T>(statement: (clean: CleanParts) => string): Promise<T[]> {
    for (let attempt = 0; attempt < CLEAN_READ_ATTEMPTS; attempt++) {
      const before = (this.clean ??= await this.listClean());
      const rows = await this.warehouse.rows<T>(statement(before));
      this.clean = await this.listClean();
      if (stayedClean(before, this.clean)) return rows;
    }
    return this.warehouse.rows<T>(statement(ALL_FINAL));
  }

  /** The clean parts; none when `system.parts` may not be read (a user without that grant): then every row is read through FINAL, exact but slower. */
  private async listClean(): Promise<CleanParts> {
    return cleanParts(this.warehouse, this.db).catch(() => ALL_FINAL);
  }

  /** Sessions in the warehouse of this scope (developer, machine), whatever the filter. */
  async total(): Promise<number> {
    if (!(await this.tablesPresent()).has('sessions')) return 0;
    const [row] = await this.read<{ n: number }>((clean) => spanSql(this.db, {}, this.scope, this.tables, this.now(), clean));
    return Number(row?.n ?? 0);
  }

  /** The first start and last end of the selected sessions (every group's), ignoring the filter's dates and then cut by them. */
  async span(filter: StoreFilter): Promise<TimeRange | undefined> {
    if (!(await this.tablesPresent()).has('sessions')) return undefined;
    const { sinceMs, untilMs, ...sessions } = filter;
    const [row] = await this.read<{ n: number; first: number; last: number }>((clean) => spanSql(this.db, sessions, this.scope, this.tables, this.now(), clean));
    if (!row || Number(row.n) === 0) return undefined;
    const first = Math.max(Number(row.first), sinceMs ?? -Infinity);
    const last = Math.min(Number(row.last), (untilMs ?? Infinity) - 1);
    return first > last ? undefined : [first, last];
  }

  /** Sessions started per range and group. */
  private async sessionCounts(filter: StoreFilter, ranges: readonly TimeRange[]): Promise<Map<string, Map<number, number>>> {
    const out = new Map<string, Map<number, number>>();
    if (!(await this.tablesPresent()).has('sessions')) return out;
    for (const layer of layers(ranges)) {
      const rows = await this.read<AnswerRow & { n: number }>((clean) => countSessionsSql(this.db, filter, this.scope, layer.map((l) => l.range), this.tables, clean));
      for (const row of rows) {
        const group = out.get(keyOf(row[':by'])) ?? out.set(keyOf(row[':by']), new Map()).get(keyOf(row[':by']))!;
        group.set(layer[Number(row[':period']) - 1]!.index, Number(row.n));
      }
    }
    return out;
  }

  /** One fact table summed per range and group, like the local store's sumFactsByPeriod. */
  private async sums(t: StoredFactTable, filter: StoreFilter, ranges: readonly TimeRange[]): Promise<Map<string, Map<number, SummedFactRow[]>>> {
    const out = new Map<string, Map<number, SummedFactRow[]>>();
    if (!(await this.tablesPresent()).has(factTableName(t))) return out;
    for (const layer of layers(ranges)) {
      const rows = await this.read<AnswerRow>((clean) => sumFactsSql(this.db, t, filter, this.scope, layer.map((l) => l.range), this.tables, clean));
      for (const row of rows) {
        const summed = summedRow(t, row);
        const group = out.get(keyOf(row[':by'])) ?? out.set(keyOf(row[':by']), new Map()).get(keyOf(row[':by']))!;
        const period = layer[Number(row[':period']) - 1]!.index;
        (group.get(period) ?? group.set(period, []).get(period)!).push(summed);
      }
    }
    return out;
  }

  /** Sessions newest first, `limit` from `offset`, each plugin's section derived from the session's facts and summarized (as the local history shows them). */
  async page(filter: StoreFilter, offset: number, limit: number, warn: (message: string) => void): Promise<TeamSessionPage> {
    if (!(await this.tablesPresent()).has('sessions')) return { total: 0, items: [], owners: [] };
    const counts = await this.sessionCounts(filter, [[undefined, undefined]]);
    const total = [...counts.values()].reduce((sum, periods) => sum + (periods.get(0) ?? 0), 0);
    const rows = await this.read<SessionRow>((clean) => sessionPageSql(this.db, filter, this.scope, this.tables, offset, limit, clean));
    const facts = new Map<string, Record<string, Record<string, SummedFactRow[]>>>();
    const present = await this.tablesPresent();
    for (const t of rows.length > 0 ? this.tables : []) {
      if (!present.has(factTableName(t))) continue;
      for (const row of await this.warehouse.rows<Record<string, string | number | null> & SessionRow>(sessionFactsSql(this.db, t, rows))) {
        const summed = summedRow(t, row);
        const ofSession = facts.get(sessionKey(row)) ?? facts.set(sessionKey(row), {}).get(sessionKey(row))!;
        ((ofSession[t.plugin] ??= {})[t.table.name] ??= []).push(summed);
      }
    }
    const items: SessionSummary[] = rows.map((row) => {
      const sections: Record<string, unknown> = {};
      for (const { plugin } of this.plugins) {
        const found = facts.get(sessionKey(row))?.[plugin.id];
        if (!plugin.facts || !found) continue;
        const tables = Object.fromEntries(this.tables.filter((t) => t.plugin === plugin.id).map((t) => [t.table.name, found[t.table.name] ?? []]));
        try {
          const section = plugin.facts.toSection(tables, { sessions: 1, single: true });
          sections[plugin.id] = plugin.summarize ? plugin.summarize(section) : section;
        } catch (error) {
          warn(`Plugin ${plugin.id} failed in summarize (${(error as Error)?.message ?? String(error)}); its section is left out of ${row.session_id}'s summary.`);
        }
      }
      return {
        sessionId: row.session_id,
        startTime: new Date(Number(row.start_ms)).toISOString(),
        endTime: row.end_ms === null ? null : new Date(Number(row.end_ms)).toISOString(),
        status: row.status as SessionSummary['status'],
        source: reportSourceOf(row.source),
        ...(row.agent ? { agent: row.agent } : {}),
        sections,
      };
    });
    return { total, items, owners: rows.map((r) => ({ developer: r.developer, machine: r.machine })) };
  }

  /**
   * Per group: the sections of the plugins in `only` merged per range from the facts within it, with
   * the sessions that started in it (the twin of StatsStore.mergedByPeriod). Plugins that fail are left out with a warning.
   */
  async mergedByPeriod(filter: StoreFilter, ranges: readonly TimeRange[], only: readonly string[] | undefined, warn: (message: string) => void): Promise<Map<string, PeriodSections[]>> {
    const counts = await this.sessionCounts(filter, ranges);
    const out = new Map<string, Map<number, PeriodSections>>();
    const at = (group: string, period: number) => {
      const periods = out.get(group) ?? out.set(group, new Map()).get(group)!;
      return periods.get(period) ?? periods.set(period, { period, sessions: counts.get(group)?.get(period) ?? 0, plugins: {} }).get(period)!;
    };
    for (const [group, periods] of counts) for (const period of periods.keys()) at(group, period);
    for (const { plugin } of this.plugins) {
      if (!plugin.facts || (only && !only.includes(plugin.id))) continue;
      const byGroup = new Map<string, Map<number, Record<string, SummedFactRow[]>>>();
      for (const t of this.tables) {
        if (t.plugin !== plugin.id) continue;
        for (const [group, periods] of await this.sums(t, filter, ranges)) {
          for (const [period, rows] of periods) {
            const g = byGroup.get(group) ?? byGroup.set(group, new Map()).get(group)!;
            (g.get(period) ?? g.set(period, {}).get(period)!)[t.table.name] = rows;
          }
        }
      }
      for (const [group, periods] of byGroup) {
        for (const [period, found] of periods) {
          // Every table of the plugin, as the local store hands them: one with no rows is an empty list.
          const tables = Object.fromEntries(this.tables.filter((t) => t.plugin === plugin.id).map((t) => [t.table.name, found[t.table.name] ?? []]));
          try {
            at(group, period).plugins[plugin.id] = plugin.facts.toSection(tables, { sessions: counts.get(group)?.get(period) ?? 0 });
          } catch (error) {
            warn(`Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`);
          }
        }
      }
    }
    return new Map([...out].map(([group, periods]) => [group, [...periods.values()].sort((a, b) => a.period - b.period)]));
  }

  /** Per group: each plugin's section (or those in `only`) merged over the selected sessions (the twin of StatsStore.merged, for plugins that declare facts). */
  async merged(filter: StoreFilter, only: readonly string[] | undefined, warn: (message: string) => void): Promise<Map<string, MergedSummaries>> {
    const byGroup = await this.mergedByPeriod(filter, [[undefined, undefined]], only, warn);
    const out = new Map<string, MergedSummaries>();
    for (const [group, [entry]] of byGroup) {
      const sessions = entry?.sessions ?? 0;
      const plugins = Object.fromEntries(Object.entries(entry?.plugins ?? {}).map(([id, section]) => [id, { section, sessions }]));
      out.set(group, { sessions, plugins } as MergedSummaries);
    }
    return out;
  }
}

/** A session row of the warehouse. */
interface SessionRow {
  developer: string;
  machine: string;
  session_id: string;
  source: string;
  agent: string | null;
  start_ms: number;
  end_ms: number | null;
  status: string;
}

/** A fact table's row as ClickHouse answered it: its dimensions, and its measures as numbers. */
function summedRow(t: StoredFactTable, row: Record<string, string | number | null | undefined>): SummedFactRow {
  const summed: SummedFactRow = {};
  for (const d of t.table.dimensions) summed[d.name] = row[d.name] ?? null;
  for (const m of t.table.measures) summed[m.name] = Number(row[m.name] ?? 0);
  return summed;
}

const sessionKey = (r: { developer: string; machine: string; session_id: string }) => JSON.stringify([r.developer, r.machine, r.session_id]);

export interface TeamSessionPage extends SessionPage {
  /** Who pushed each session of the page, in its order. */
  owners: { developer: string; machine: string }[];
}

/** The group values of answers, in order: by value, sessions without one last. */
export function groupValues(keys: Iterable<string>): GroupValue[] {
  const values = [...new Set(keys)].map((k) => JSON.parse(k) as GroupValue);
  return values.sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

/** The map key of a group value. */
export const groupKey = keyOf;
