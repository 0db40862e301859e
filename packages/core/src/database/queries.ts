import type { StoredFactTable } from './fact-tables.js';
import { ROWS_PER_SESSION } from './fact-tables.js';
import type { Db } from './open-database.js';

/** Which sessions and facts a question is about; every field is optional and they combine with AND. */
export interface StoreFilter {
  /** Facts at or after this time (epoch ms), and sessions started at or after it. */
  sinceMs?: number;
  /** Facts and session starts before this time (epoch ms, exclusive). */
  untilMs?: number;
  /** Sessions of this agent. */
  agent?: string;
  /** Sessions from this source (`live`, `claude-code`, ...). */
  source?: string;
  /** Sessions whose project is this folder or inside it. */
  project?: string;
  /** Sessions with this status (`ended`, `live`, `abandoned`). */
  status?: string;
  /**
   * Facts of these models (exact names): rows of tables with a `model` dimension by their own model,
   * and anything else by its session having used one of them.
   */
  models?: readonly string[];
}

/** Whether a fact table has a `model` dimension (which `models` filters rows by). */
export const hasModel = (t: StoredFactTable): boolean => t.table.dimensions.some((d) => d.name === 'model');

/** Sessions (`sessions s`) with a fact row of one of the filter's models, in any table with a model dimension. */
export function usedModelsSql(filter: StoreFilter, tables: readonly StoredFactTable[], params: unknown[]): string | undefined {
  if (!filter.models) return undefined;
  const withModel = tables.filter(hasModel);
  if (withModel.length === 0) return '0';
  const rowsOf = `m.id BETWEEN s.key * ${ROWS_PER_SESSION} AND s.key * ${ROWS_PER_SESSION} + ${ROWS_PER_SESSION - 1}`;
  const tests = withModel.map((t) => {
    params.push(JSON.stringify(filter.models));
    return `EXISTS (SELECT 1 FROM ${t.sql} m WHERE ${rowsOf} AND m."model" IN (SELECT value FROM json_each(?)))`;
  });
  return `(${tests.join(' OR ')})`;
}

/** A WHERE clause over session columns (`col` names them: in `sessions s`, or in a rollup) and its bound parameters, built in this one place. */
export function sessionWhere(filter: StoreFilter, col: (name: 'agent' | 'source' | 'status' | 'project') => string = (name) => `s.${name}`): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filter.agent !== undefined) parts.push(`${col('agent')} = ?`) && params.push(filter.agent);
  if (filter.source !== undefined) parts.push(`${col('source')} = ?`) && params.push(filter.source);
  if (filter.status !== undefined) parts.push(`${col('status')} = ?`) && params.push(filter.status);
  if (filter.project !== undefined) {
    const base = filter.project.replace(/\/+$/, '');
    // The folder itself or anything below it; GLOB metacharacters in the path are escaped as classes.
    parts.push(`(${col('project')} = ? OR ${col('project')} GLOB ?)`);
    params.push(base, `${base.replace(/[*?[]/g, (c) => `[${c}]`)}/*`);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** A WHERE clause for session lists: the session filters, its start within the time range, and the models it used. */
export function listWhere(filter: StoreFilter, tables: readonly StoredFactTable[]): { sql: string; params: unknown[] } {
  const where = sessionWhere(filter);
  const models = usedModelsSql(filter, tables, where.params);
  if (models) where.sql += ` AND ${models}`;
  if (filter.sinceMs !== undefined) (where.sql += ' AND s.start_ms >= ?'), where.params.push(filter.sinceMs);
  if (filter.untilMs !== undefined) (where.sql += ' AND s.start_ms < ?'), where.params.push(filter.untilMs);
  return where;
}

/** Sessions matching the filter (started within its time range). */
export function countSessions(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[]): number {
  const where = listWhere(filter, tables);
  return (db.prepare(`SELECT count(*) AS n FROM sessions s WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

/** Ids of matching sessions, newest first, `limit` from `offset`, with the report stamps they were read at. */
export function sessionPage(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[], offset: number, limit: number): { id: string; report_size: number | null; report_mtime_ms: number | null }[] {
  const where = listWhere(filter, tables);
  return db
    .prepare(`SELECT s.id, s.report_size, s.report_mtime_ms FROM sessions s WHERE ${where.sql} ORDER BY s.start_ms DESC, s.id DESC LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset) as never;
}

/** Stored summaries (JSON: version 1 plugins' sections by plugin id) of matching sessions, newest first, streamed one row at a time. */
export function sessionSummaries(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[]): IterableIterator<string> {
  const where = listWhere(filter, tables);
  return db.prepare(`SELECT m.summary FROM sessions s JOIN summaries m ON m.id = s.id WHERE ${where.sql} ORDER BY s.start_ms DESC, s.id DESC`).pluck().iterate(...where.params) as IterableIterator<string>;
}

/** Every matching session id, newest first. */
export function sessionIds(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[]): string[] {
  const where = listWhere(filter, tables);
  return db.prepare(`SELECT id FROM sessions s WHERE ${where.sql} ORDER BY s.start_ms DESC, s.id DESC`).pluck().all(...where.params) as string[];
}

/**
 * Sessions an id a user typed may mean: the one with that id or that agent's own id, else those
 * whose id or agent's id starts with it (at most `limit`).
 */
export function sessionsNamed(db: Db, typed: string, minPrefix: number, limit: number): string[] {
  const exact = db.prepare('SELECT id FROM sessions WHERE id = ? OR agent_session_id = ? ORDER BY id LIMIT 2').pluck().all(typed, typed) as string[];
  if (exact.length > 0 || typed.length < minPrefix) return exact;
  // GLOB is case-sensitive, like ids; its metacharacters in what was typed are escaped as classes.
  const pattern = `${typed.replace(/[*?[]/g, (c) => `[${c}]`)}*`;
  return db.prepare('SELECT id FROM sessions WHERE id GLOB ? OR agent_session_id GLOB ? ORDER BY id LIMIT ?').pluck().all(pattern, pattern, limit) as string[];
}

/** A time range [from, to) in epoch ms; either end may be open. */
export type TimeRange = readonly [from: number | undefined, to: number | undefined];

/** How many matching sessions started in each period (ranges in order; periods with none are absent). */
export function countSessionsByPeriod(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[], periods: readonly TimeRange[]): Map<number, number> {
  const where = listWhere(filter, tables);
  const rows = db
    .prepare(`SELECT p.key AS period, count(*) AS n FROM json_each(?) p CROSS JOIN sessions s
      WHERE s.start_ms >= p.value ->> 0 AND s.start_ms < p.value ->> 1 AND ${where.sql} GROUP BY p.key`)
    .all(JSON.stringify(periods.map(openEnds)), ...where.params) as { period: number; n: number }[];
  return new Map(rows.map((r) => [r.period, r.n]));
}

/** The first start and the last end (now for a live session) of the matching sessions, or undefined when none match. */
export function sessionSpan(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[], nowMs: number): TimeRange | undefined {
  const where = listWhere(filter, tables);
  const row = db
    .prepare(`SELECT min(s.start_ms) AS first, max(CASE WHEN s.status = 'live' THEN max(?, s.start_ms) ELSE coalesce(s.end_ms, s.start_ms) END) AS last FROM sessions s WHERE ${where.sql}`)
    .get(nowMs, ...where.params) as { first: number | null; last: number | null };
  return row.first === null ? undefined : [row.first, row.last ?? row.first];
}

/** The latest instant a JavaScript Date can hold: an open end of a range, in SQL. */
export const END_OF_TIME = 8.64e15;

/** A range with its open ends made the earliest and latest instants, for SQL that compares with both. */
export function openEnds([from, to]: TimeRange): [number, number] {
  return [from ?? -END_OF_TIME, to ?? END_OF_TIME];
}

/** How many leading characters two strings share. */
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * For each session id, the shortest start (at least `min` characters) of the name a user would type
 * — the agent's own id for an imported session, else the id — that `sessionsNamed` resolves to that
 * session alone: one character past the longest start it shares with any other session's id or
 * agent's id (its neighbours in each index). The whole name when a shorter start cannot be unique.
 */
export function typeableIds(db: Db, ids: readonly string[], min: number): Map<string, string> {
  const row = db.prepare('SELECT key, agent_session_id FROM sessions WHERE id = ?');
  const neighbours = (['id', 'agent_session_id'] as const).flatMap((column) => [
    db.prepare(`SELECT ${column} FROM sessions WHERE ${column} < ? AND key != ? ORDER BY ${column} DESC LIMIT 1`).pluck(),
    db.prepare(`SELECT ${column} FROM sessions WHERE ${column} > ? AND key != ? ORDER BY ${column} LIMIT 1`).pluck(),
  ]);
  const same = db.prepare('SELECT 1 FROM sessions WHERE (id = ? OR agent_session_id = ?) AND key != ?').pluck();
  const out = new Map<string, string>();
  for (const id of ids) {
    const stored = row.get(id) as { key: number; agent_session_id: string | null } | undefined;
    const name = stored?.agent_session_id ?? id;
    if (!stored || same.get(name, name, stored.key) !== undefined) {
      // Another session has this very name (an agent's id equal to another's): only the full id is sure.
      out.set(id, id);
      continue;
    }
    const shared = Math.max(0, ...neighbours.map((q) => sharedStart(name, (q.get(name, stored.key) as string | undefined) ?? '')));
    out.set(id, name.slice(0, Math.max(min, shared + 1)));
  }
  return out;
}
