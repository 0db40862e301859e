import type { SessionEntry } from '../store/report-store.js';
import type { SessionReport } from '../report/schema.js';
import type { ActivePlugin } from '../report/fold.js';
import { factBucket, type FactRows } from '../plugin/facts.js';
import { summarizeReport } from './summary.js';
import { dropBulkIndexes } from './bulk-indexes.js';
import { RollupWriter, type RollupSession } from './rollup.js';
import { ROWS_PER_SESSION, type StoredFactTable } from './fact-tables.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';

/** A session as the `sessions` table holds it, with the summary of its version 1 plugins' sections. */
export interface SessionRow {
  id: string;
  agent_session_id: string | null;
  source: string;
  agent: string | null;
  project: string | null;
  start_ms: number;
  end_ms: number | null;
  status: string;
  wall_ms: number | null;
  report_size: number | null;
  report_mtime_ms: number | null;
  journal_size: number | null;
  journal_mtime_ms: number | null;
  /** JSON of the summarized sections of plugins without facts, by plugin id; null when there are none. */
  summary: string | null;
}

/** `journal` -> `live` (recorded by a runtime), `import:codex` -> `codex`, `legacy-radium` -> `legacy`. */
export function sourceOf(reportSource: string): string {
  if (reportSource === 'journal') return 'live';
  if (reportSource.startsWith('import:')) return reportSource.slice('import:'.length);
  if (reportSource === 'legacy-radium') return 'legacy';
  return reportSource;
}

/** The report source a stored source was made from (`sourceOf` read back). */
export function reportSourceOf(source: string): string {
  return source === 'live' ? 'journal' : source === 'legacy' ? 'legacy-radium' : `import:${source}`;
}

/** The agent's own id of an imported session (`<importer>-<original id>`), or null. */
function agentSessionId(id: string, source: string): string | null {
  return source !== 'live' && source !== 'legacy' && id.startsWith(`${source}-`) ? id.slice(source.length + 1) : null;
}

/** The row of a loaded report, stamped with the files it was read from. */
export function sessionRow(id: string, report: SessionReport, entry: SessionEntry, plugins: readonly ActivePlugin[], warn: (m: string) => void): SessionRow {
  const source = sourceOf(report.source);
  const start = Date.parse(report.startTime);
  const end = report.endTime ? Date.parse(report.endTime) : null;
  return {
    id,
    agent_session_id: agentSessionId(id, source),
    source,
    agent: report.agent ?? null,
    project: report.workspace ?? null,
    start_ms: start,
    end_ms: end,
    status: report.status,
    wall_ms: end === null ? null : Math.max(0, end - start),
    report_size: entry.report?.size ?? null,
    report_mtime_ms: entry.report?.mtimeMs ?? null,
    journal_size: entry.journal?.size ?? null,
    journal_mtime_ms: entry.journal?.mtimeMs ?? null,
    summary: legacySummary(report, plugins, warn),
  };
}

/**
 * The summarized sections of the plugins without facts (version 1), whose merged views are made by
 * merging every session's summary; null when the report has none. Plugins with facts need none:
 * their views are summed from fact rows.
 */
function legacySummary(report: SessionReport, plugins: readonly ActivePlugin[], warn: (m: string) => void): string | null {
  const legacy = plugins.filter(({ plugin }) => !plugin.facts && report.sections[plugin.id] !== undefined);
  return legacy.length === 0 ? null : JSON.stringify(summarizeReport(report, legacy, warn).sections);
}

/**
 * A report's fact rows per plugin: those it stores, or for a report written without them (a legacy
 * report, or one written before its plugin declared facts) the plugin's `fromSection`, in the
 * bucket of the session's start. Absent for a plugin that can give neither.
 */
export function reportFacts(report: SessionReport, plugins: readonly ActivePlugin[]): Record<string, FactRows> {
  const out: Record<string, FactRows> = {};
  for (const { plugin } of plugins) {
    if (!plugin.facts) continue;
    const stored = report.facts?.[plugin.id] as FactRows | undefined;
    if (stored) out[plugin.id] = stored;
    else if (plugin.facts.fromSection && report.sections[plugin.id] !== undefined) {
      out[plugin.id] = plugin.facts.fromSection(report.sections[plugin.id], factBucket(report.startTime));
    }
  }
  return out;
}

/** Fact rows a rebuild inserts with one statement (MANY_ROWS times the columns stays far below SQLite's 32,766 parameters). */
const MANY_ROWS = 32;

/** Prepared writes of sessions and their facts, made inside `transaction`. */
export class SessionWriter {
  private readonly insert;
  private readonly upsertSummary;
  private readonly stored;
  private readonly remove;
  private readonly removeSummary;
  private readonly removeBroken;
  private readonly anyBroken;
  private readonly addBroken;
  /** The key of the last session this writer inserted (null before any). */
  private lastKey: number | null = null;
  private readonly maxKey;
  private readonly setMark;
  /**
   * A bulk write's mark (`rollups` in meta), set in each of its transactions: while it is there the
   * rollups and the indexes by time lag the rows, and the sync that finds it (this write's own, once
   * it is done, or any later one after a kill) makes them again. Undefined when not bulk.
   */
  private readonly mark: string | undefined;
  private committed = false;
  /** Whether `broken` may hold a row in this transaction (most syncs have none: a delete per session is then waste). */
  private brokenMarks = true;
  private readonly facts: {
    table: StoredFactTable;
    insert: Statement<unknown[]>;
    /** Inserts MANY_ROWS rows at once (a rebuild): one call instead of one per row. */
    insertMany: Statement<unknown[]>;
    /** Values of rows waiting for insertMany, row after row. */
    waiting: unknown[];
    clear: Statement<unknown[]>;
    columns: string[];
    rollup: RollupWriter;
  }[];

  /**
   * `bulk` (a rebuild into an empty store): fact rows wait to be inserted many at once, since nothing
   * reads them back before the commit, and the rollups are left to be made from every row in one
   * `GROUP BY` under its mark (a rebuild in folder order would touch most of their groups in every transaction).
   */
  constructor(
    private readonly db: Db,
    tables: readonly StoredFactTable[],
    private bulk = false,
  ) {
    this.insert = db.prepare(`INSERT INTO sessions (id, agent_session_id, source, agent, project, start_ms, end_ms, status, wall_ms,
      report_size, report_mtime_ms, journal_size, journal_mtime_ms) VALUES (@id, @agent_session_id, @source, @agent, @project,
      @start_ms, @end_ms, @status, @wall_ms, @report_size, @report_mtime_ms, @journal_size, @journal_mtime_ms)`);
    this.upsertSummary = db.prepare('INSERT OR REPLACE INTO summaries (id, summary) VALUES (?, ?)');
    this.stored = db.prepare('SELECT key, agent, source, project FROM sessions WHERE id = ?');
    this.remove = db.prepare('DELETE FROM sessions WHERE key = ?');
    this.removeSummary = db.prepare('DELETE FROM summaries WHERE id = ?');
    this.removeBroken = db.prepare('DELETE FROM broken WHERE id = ?');
    this.anyBroken = db.prepare('SELECT 1 FROM broken LIMIT 1');
    this.maxKey = db.prepare('SELECT max(key) FROM sessions').pluck();
    this.setMark = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('rollups', ?)");
    this.mark = bulk ? `rebuild by process ${process.pid}` : undefined;
    this.addBroken = db.prepare('INSERT OR REPLACE INTO broken (id, report_size, report_mtime_ms, journal_size, journal_mtime_ms, message) VALUES (?, ?, ?, ?, ?, ?)');
    this.facts = tables.map((table) => {
      const columns = [...table.table.dimensions, ...table.table.measures].map((c) => c.name);
      const names = ['id', 'bucket', ...columns].map((c) => `"${c}"`).join(', ');
      const values = `(${['?', '?', ...columns.map(() => '?')].join(', ')})`;
      return {
        table,
        columns,
        insert: db.prepare<unknown[]>(`INSERT INTO ${table.sql} (${names}) VALUES ${values}`),
        insertMany: db.prepare<unknown[]>(`INSERT INTO ${table.sql} (${names}) VALUES ${new Array<string>(MANY_ROWS).fill(values).join(', ')}`),
        waiting: [],
        clear: db.prepare<unknown[]>(`DELETE FROM ${table.sql} WHERE id BETWEEN ? AND ?`),
        rollup: new RollupWriter(db, table),
      };
    });
  }

  /** Replaces a session's row, summary and fact rows (whoever stored it before, this process or another). */
  write(row: SessionRow, facts: Record<string, FactRows>): void {
    // Into an empty store (bulk) there is nothing to replace.
    if (!this.bulk) this.delete(row.id);
    const { summary, ...session } = row;
    const key = Number(this.insert.run(session).lastInsertRowid);
    this.lastKey = key;
    if (summary !== null) this.upsertSummary.run(row.id, summary);
    for (const f of this.facts) {
      const rows = facts[f.table.plugin]?.[f.table.table.name] ?? [];
      if (this.mark === undefined) f.rollup.add(row, rows);
      if (!this.bulk) {
        rows.forEach((fact, i) => f.insert.run(key * ROWS_PER_SESSION + i, fact.bucket, ...f.columns.map((c) => fact[c] ?? null)));
        continue;
      }
      const width = f.columns.length + 2;
      rows.forEach((fact, i) => {
        f.waiting.push(key * ROWS_PER_SESSION + i, fact.bucket);
        for (const c of f.columns) f.waiting.push(fact[c] ?? null);
        if (f.waiting.length === MANY_ROWS * width) {
          f.insertMany.run(f.waiting);
          f.waiting = [];
        }
      });
    }
  }

  /** Removes a session's row, summary, fact rows (and their part of the rollups) and broken mark. */
  delete(id: string): void {
    if (this.brokenMarks) this.removeBroken.run(id);
    const stored = this.stored.get(id) as (RollupSession & { key: number }) | undefined;
    if (stored === undefined) return;
    const { key } = stored;
    for (const { clear, rollup } of this.facts) {
      if (this.mark === undefined) rollup.remove(key, stored);
      clear.run(key * ROWS_PER_SESSION, (key + 1) * ROWS_PER_SESSION - 1);
    }
    this.remove.run(key);
    this.removeSummary.run(id);
  }

  /** Runs `writes` in one write transaction (BEGIN IMMEDIATE), with the rollups brought in step before it commits. */
  transaction(writes: () => void): void {
    this.begin();
    try {
      writes();
      this.commit();
    } catch (error) {
      this.rollback();
      throw error;
    }
  }

  /** Starts a write transaction (BEGIN IMMEDIATE) that `commit` ends, for writes between waits. */
  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.brokenMarks = this.anyBroken.get() !== undefined;
    if (this.mark === undefined) return;
    // Another process that wrote since this one's last commit (two first commands at once) may have
    // stored the same sessions: from then on each is replaced, not just inserted.
    if (this.bulk && this.lastMaxKey() !== this.lastKey) this.bulk = false;
    if (!this.committed) dropBulkIndexes(this.db, this.facts.map((f) => f.table));
    this.setMark.run(this.mark);
  }

  private lastMaxKey(): number | null {
    return (this.maxKey.get() as number | null) ?? null;
  }

  /** Remembers why a session's files cannot be read (its rows are deleted first); the warning is repeated at every sync until they change. */
  markBroken(entry: SessionEntry, message: string): void {
    this.delete(entry.id);
    this.addBroken.run(entry.id, entry.report?.size ?? null, entry.report?.mtimeMs ?? null, entry.journal?.size ?? null, entry.journal?.mtimeMs ?? null, message);
    this.brokenMarks = true;
  }

  /** Brings the rollups in step and commits the transaction `begin` started. */
  commit(): void {
    this.flush();
    this.db.exec('COMMIT');
    this.committed = true;
  }

  /** Abandons the transaction `begin` started, and what the rollups counted in it. */
  rollback(): void {
    for (const f of this.facts) {
      f.rollup.discard();
      f.waiting = [];
    }
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** Inserts the rows still waiting, and writes what the rollups counted in and out since the last flush. */
  private flush(): void {
    for (const f of this.facts) {
      const width = f.columns.length + 2;
      for (let at = 0; at < f.waiting.length; at += width) f.insert.run(f.waiting.slice(at, at + width));
      f.waiting = [];
      f.rollup.flush();
    }
  }
}
