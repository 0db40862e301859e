import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ActivePlugin } from '../report/fold.js';
import type { ReportStore } from '../store/report-store.js';
import type { ProgressListener } from './progress.js';
import type { FactRow, SummedFactRow } from '../plugin/facts.js';
import { factRowsOf, pushedCount, recordPushed, sessionsToPush, type PushSession, type PushedSession } from './warehouse-pushed.js';
import { ensureFactTables, factTablesOf, type StoredFactTable } from './fact-tables.js';
import { openDatabase, type Db } from './open-database.js';
import { countSessions, countSessionsByPeriod, sessionIds, sessionPage, sessionSpan, sessionsNamed, sessionSummaries, typeableIds, type StoreFilter, type TimeRange } from './queries.js';
import { sumFacts, sumFactsByPeriod } from './sum-facts.js';
import { sessionColumnValues, sessionsRankedBy, type SessionColumn, type SessionColumnValue } from './session-groups.js';
import { recheckedSessions, refreshSessions, syncStore, type StoredFiles } from './sync.js';
import { checkedPriceData, keptPriceSessions, repricingCandidates, setCheckedPriceData, setKeptPriceSessions } from './price-check.js';

/** What the store needs from its host. */
export interface StatsStoreDeps {
  reports: ReportStore;
  plugins: readonly ActivePlugin[];
  warn: (message: string) => void;
  progress?: ProgressListener | undefined;
  now?: () => number;
}

/** A plugin's merged section over the selected sessions, and how many of them had one. */
export interface MergedPluginSection {
  section: unknown;
  sessions: number;
}

/** One period of a time view: the sessions that started in it and each plugin's section merged from the facts within it. */
export interface PeriodSections {
  /** Index of the period in the ranges asked for. */
  period: number;
  /** Matching sessions that started in the period. */
  sessions: number;
  /** Plugin id to its section merged from the period's facts; plugins with none in the period are absent. */
  plugins: Record<string, unknown>;
}

/** What the stored summaries were made by: when it changes, every session is read again. */
function pluginsFingerprint(plugins: readonly ActivePlugin[]): string {
  return JSON.stringify(plugins.map(({ plugin }) => [plugin.id, plugin.apiVersion, plugin.version ?? null]));
}

/**
 * The stats database, `.radium/_internals/stats.db`: a cache of the session reports that answers
 * questions over many sessions in SQL (history pages, filtered sums of each plugin's facts).
 * Deleting it loses nothing; every question first brings it up to date with the sessions folder.
 */
export class StatsStore {
  private constructor(
    private readonly db: Db,
    private readonly deps: StatsStoreDeps,
    private readonly tables: readonly StoredFactTable[],
  ) {}

  /** Opens (creating, migrating or, when damaged, rebuilding) the store of a workspace. */
  static open(deps: StatsStoreDeps): StatsStore {
    const file = deps.reports.paths.databaseFile;
    mkdirSync(path.dirname(file), { recursive: true });
    const db = openDatabase(file, deps.warn);
    const tables = factTablesOf(deps.plugins);
    const fingerprint = pluginsFingerprint(deps.plugins);
    const stored = db.prepare("SELECT value FROM meta WHERE key = 'plugins'").pluck().get() as string | undefined;
    const remade = ensureFactTables(db, tables);
    if (remade || stored !== fingerprint) {
      // Summaries and facts were made by other plugins: read every report again.
      db.transaction(() => {
        db.exec("DELETE FROM sessions; DELETE FROM summaries; DELETE FROM broken; DELETE FROM meta WHERE key = 'sessions_dir'");
        for (const t of tables) db.exec(`DELETE FROM ${t.sql}; DELETE FROM ${t.rollup}`);
        db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('plugins', ?)").run(fingerprint);
      }).immediate();
    }
    return new StatsStore(db, deps, tables);
  }

  /** Brings the store up to date with the sessions folder (`force`: list it even when its stamp is unchanged). */
  async sync(force = false): Promise<void> {
    await syncStore({ db: this.db, ...this.deps, tables: this.tables, now: this.deps.now ?? Date.now }, force);
  }

  /** The sessions a sync reads again even when the sessions folder is unchanged, with the file stamps it compares (see recheckedSessions). */
  recheckedSessions(): StoredFiles[] {
    return recheckedSessions(this.db);
  }

  /** Reads these sessions' files again (written or removed behind the folder's stamp). */
  async refresh(ids: readonly string[]): Promise<void> {
    await refreshSessions({ db: this.db, ...this.deps, tables: this.tables, now: this.deps.now ?? Date.now }, ids);
  }

  /** The workspace price data the stored sessions were last checked against (undefined before the first check). */
  checkedPriceData(): string | undefined {
    return checkedPriceData(this.db);
  }

  /** Records that every stored session was checked against this workspace price data. */
  setCheckedPriceData(version: string): void {
    setCheckedPriceData(this.db, version);
  }

  /** Sessions priced with other price data that could not be re-priced when last checked. */
  keptPriceSessions(): string[] {
    return keptPriceSessions(this.db);
  }

  /** Remembers the sessions that could not be re-priced, to warn about them at every command until they are. */
  setKeptPriceSessions(ids: readonly string[]): void {
    setKeptPriceSessions(this.db, ids);
  }

  /** Ids of the sessions a change of price data may concern (see repricingCandidates), oldest first. */
  repricingCandidates(): string[] {
    return repricingCandidates(this.db);
  }

  /** Sessions matching the filter. */
  count(filter: StoreFilter = {}): number {
    return countSessions(this.db, filter, this.tables);
  }

  /** Ids of matching sessions, newest first, `limit` from `offset`, with the report stamps they were read at. */
  page(filter: StoreFilter, offset: number, limit: number): { id: string; stamp?: { size: number; mtimeMs: number } }[] {
    return sessionPage(this.db, filter, this.tables, offset, limit).map((row) => ({
      id: row.id,
      ...(row.report_size !== null && row.report_mtime_ms !== null ? { stamp: { size: row.report_size, mtimeMs: row.report_mtime_ms } } : {}),
    }));
  }

  /** Sessions an id a user typed may mean (see sessionsNamed). */
  named(typed: string, minPrefix: number, limit: number): string[] {
    return sessionsNamed(this.db, typed, minPrefix, limit);
  }

  /** Each session's shortest unique start of its typeable name, at least `min` characters (see typeableIds). */
  typeableIds(ids: readonly string[], min: number): Map<string, string> {
    return typeableIds(this.db, ids, min);
  }

  /** Ids of matching sessions, newest first. */
  ids(filter: StoreFilter = {}): string[] {
    return sessionIds(this.db, filter, this.tables);
  }

  /** The values of a session column among the matching sessions, with their session counts (see sessionColumnValues). */
  columnValues(filter: StoreFilter, column: SessionColumn): SessionColumnValue[] {
    return sessionColumnValues(this.db, filter, this.tables, column);
  }

  /** Ids of the matching sessions with the highest sum of one measure of a plugin's fact table (see sessionsRankedBy); none when no active plugin declares that table. */
  rankedBy(filter: StoreFilter, by: { plugin: string; table: string; measure: string }, limit: number): string[] {
    const stored = this.tables.find((t) => t.plugin === by.plugin && t.table.name === by.table);
    if (!stored || !stored.table.measures.some((m) => m.name === by.measure)) return [];
    return sessionsRankedBy(this.db, filter, this.tables, stored, by.measure, limit);
  }

  /** Each fact table of a plugin summed over the matching sessions (see sumFacts). */
  factSums(pluginId: string, filter: StoreFilter = {}): Record<string, SummedFactRow[]> {
    const out: Record<string, SummedFactRow[]> = {};
    for (const t of this.tables) if (t.plugin === pluginId) out[t.table.name] = sumFacts(this.db, t, filter, this.tables);
    return out;
  }

  /** The first start and last end (now, for a live session) of the matching sessions; undefined when none match. */
  span(filter: StoreFilter = {}): TimeRange | undefined {
    return sessionSpan(this.db, filter, this.tables, (this.deps.now ?? Date.now)());
  }

  /**
   * The sections of the plugins in `only` that declare facts, merged per period (time ranges in
   * order) from the facts within it, with the sessions that started in it. Periods with neither
   * facts nor sessions are left out.
   */
  mergedByPeriod(filter: StoreFilter, periods: readonly TimeRange[], only: readonly string[]): PeriodSections[] {
    const sessions = countSessionsByPeriod(this.db, filter, this.tables, periods);
    const byPeriod = new Map<number, PeriodSections>();
    const at = (period: number) => byPeriod.get(period) ?? byPeriod.set(period, { period, sessions: sessions.get(period) ?? 0, plugins: {} }).get(period)!;
    for (const period of sessions.keys()) at(period);
    for (const { plugin } of this.deps.plugins) {
      if (!plugin.facts || !only.includes(plugin.id)) continue;
      const sums = new Map<number, Record<string, SummedFactRow[]>>();
      for (const t of this.tables) {
        if (t.plugin !== plugin.id) continue;
        for (const [period, rows] of sumFactsByPeriod(this.db, t, filter, periods, this.tables)) {
          const tablesOf = sums.get(period) ?? sums.set(period, {}).get(period)!;
          tablesOf[t.table.name] = rows;
        }
      }
      for (const [period, tablesOf] of sums) at(period).plugins[plugin.id] = plugin.facts.toSection(tablesOf, { sessions: sessions.get(period) ?? 0 });
    }
    return [...byPeriod.values()].sort((a, b) => a.period - b.period);
  }

  /**
   * Each active plugin's section (or only those of the plugins in `only`) merged over the matching
   * sessions: from summed facts for a plugin that declares them (SQL does the work), else by its
   * `merge` over every stored summary (API 1). Plugins that fail are left out with a warning naming them.
   */
  merged(filter: StoreFilter = {}, only?: readonly string[]): { sessions: number; plugins: Record<string, MergedPluginSection> } {
    const sessions = this.count(filter);
    const plugins: Record<string, MergedPluginSection> = {};
    const failed = (plugin: { id: string }, error: unknown) =>
      this.deps.warn(`Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`);
    const wanted = only ? this.deps.plugins.filter(({ plugin }) => only.includes(plugin.id)) : this.deps.plugins;
    for (const { plugin } of wanted) {
      if (!plugin.facts) continue;
      try {
        const sums = this.factSums(plugin.id, filter);
        if (Object.values(sums).every((rows) => rows.length === 0)) continue;
        plugins[plugin.id] = { section: plugin.facts.toSection(sums, { sessions }), sessions };
      } catch (error) {
        failed(plugin, error);
      }
    }
    const legacy = wanted.filter(({ plugin }) => !plugin.facts).map(({ plugin }) => ({ plugin, parts: [] as unknown[], count: 0, broken: false }));
    if (legacy.length === 0) return { sessions, plugins };
    // API 1 plugins: their sections merged in JS, one summary parsed at a time; merge is associative,
    // so folding every thousand keeps memory flat over any history.
    const fold = (entry: (typeof legacy)[number]) => {
      try {
        entry.parts = [entry.parts.length === 1 ? entry.parts[0] : entry.plugin.merge(entry.parts)];
      } catch (error) {
        entry.broken = true;
        failed(entry.plugin, error);
      }
    };
    for (const json of sessionSummaries(this.db, filter, this.tables)) {
      const sections = JSON.parse(json) as Record<string, unknown>;
      for (const entry of legacy) {
        const section = sections[entry.plugin.id];
        if (entry.broken || section === undefined) continue;
        entry.parts.push(section);
        entry.count += 1;
        if (entry.parts.length === 1_000) fold(entry);
      }
    }
    for (const entry of legacy) {
      if (entry.count === 0) continue;
      fold(entry);
      if (!entry.broken) plugins[entry.plugin.id] = { section: entry.parts[0], sessions: entry.count };
    }
    // In plugin order, as views list them.
    const ordered = this.deps.plugins.filter(({ plugin }) => plugins[plugin.id]).map(({ plugin }) => [plugin.id, plugins[plugin.id]!] as const);
    return { sessions, plugins: Object.fromEntries(ordered) };
  }

  /** The fact tables of the active plugins, as declared. */
  factTables(): readonly StoredFactTable[] {
    return this.tables;
  }

  /** Sessions new or changed since they were last pushed to the warehouse `target` (see warehouse-pushed.ts). */
  sessionsToPush(target: string): PushSession[] {
    return sessionsToPush(this.db, target);
  }

  /** The rows these sessions (by key) hold in one fact table. */
  factRowsOf(table: StoredFactTable, keys: readonly number[]): { sessionKey: number; row: FactRow }[] {
    return factRowsOf(this.db, table, keys);
  }

  /** Records, all at once, that these sessions are in the warehouse `target` as given. */
  recordPushed(target: string, sessions: readonly PushedSession[]): void {
    recordPushed(this.db, target, sessions);
  }

  /** Sessions recorded as pushed to `target`. */
  pushedCount(target: string): number {
    return pushedCount(this.db, target);
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
