import type { SessionEntry } from '../store/report-store.js';
import type { SessionReport } from '../report/schema.js';
import type { ActivePlugin } from '../report/fold.js';
import { factBucket, type FactRows } from '../plugin/facts.js';
import { summarizeReport } from './summary.js';
import type { StoredFactTable } from './fact-tables.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';

/** A session as the `sessions` table holds it. */
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
  summary: string;
}

/** `journal` -> `live` (recorded by a runtime), `import:codex` -> `codex`, `legacy-radium` -> `legacy`. */
export function sourceOf(reportSource: string): string {
  if (reportSource === 'journal') return 'live';
  if (reportSource.startsWith('import:')) return reportSource.slice('import:'.length);
  if (reportSource === 'legacy-radium') return 'legacy';
  return reportSource;
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
    summary: JSON.stringify(summarizeReport(report, plugins, warn)),
  };
}

/**
 * A report's fact rows per plugin: those it stores, or for a report written without them (a legacy
 * report, or one written before its plugin declared facts) the plugin's `fromSection`, in the
 * bucket of the session's start. Undefined for a plugin that can give neither.
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

/** Prepared writes of sessions and their facts; every call runs inside the caller's transaction. */
export class SessionWriter {
  private readonly upsert;
  private readonly upsertSummary;
  private readonly remove;
  private readonly exists;
  private readonly removeSummary;
  private readonly removeBroken;
  private readonly facts: { table: StoredFactTable; insert: Statement<unknown[]>; clear: Statement<unknown[]>; columns: string[] }[];

  constructor(db: Db, tables: readonly StoredFactTable[]) {
    this.upsert = db.prepare(`INSERT OR REPLACE INTO sessions (id, agent_session_id, source, agent, project, start_ms, end_ms, status, wall_ms,
      report_size, report_mtime_ms, journal_size, journal_mtime_ms) VALUES (@id, @agent_session_id, @source, @agent, @project,
      @start_ms, @end_ms, @status, @wall_ms, @report_size, @report_mtime_ms, @journal_size, @journal_mtime_ms)`);
    this.upsertSummary = db.prepare('INSERT OR REPLACE INTO summaries (id, summary) VALUES (@id, @summary)');
    this.remove = db.prepare('DELETE FROM sessions WHERE id = ?');
    this.exists = db.prepare('SELECT 1 FROM sessions WHERE id = ?');
    this.removeSummary = db.prepare('DELETE FROM summaries WHERE id = ?');
    this.removeBroken = db.prepare('DELETE FROM broken WHERE id = ?');
    this.facts = tables.map((table) => {
      const columns = [...table.table.dimensions, ...table.table.measures].map((c) => c.name);
      const names = ['session_id', 'bucket', ...columns].map((c) => `"${c}"`).join(', ');
      return {
        table,
        columns,
        insert: db.prepare<unknown[]>(`INSERT INTO ${table.sql} (${names}) VALUES (${['?', '?', ...columns.map(() => '?')].join(', ')})`),
        clear: db.prepare<unknown[]>(`DELETE FROM ${table.sql} WHERE session_id = ?`),
      };
    });
  }

  /**
   * Replaces a session's row and fact rows. `known`: it was stored when the sync began, so its old
   * rows go first; otherwise they go only if another process stored it since (checked inside this
   * transaction), which spares a new session one delete per fact table.
   */
  write(row: SessionRow, facts: Record<string, FactRows>, known = true): void {
    if (known || this.exists.get(row.id) !== undefined) this.delete(row.id);
    const { summary, ...session } = row;
    this.upsert.run(session);
    this.upsertSummary.run({ id: row.id, summary });
    for (const { table, insert, columns } of this.facts) {
      for (const fact of facts[table.plugin]?.[table.table.name] ?? []) insert.run(row.id, fact.bucket, ...columns.map((c) => fact[c] ?? null));
    }
  }

  /** Removes a session's row, fact rows and broken mark. */
  delete(id: string): void {
    this.remove.run(id);
    this.removeSummary.run(id);
    this.removeBroken.run(id);
    for (const { clear } of this.facts) clear.run(id);
  }
}
