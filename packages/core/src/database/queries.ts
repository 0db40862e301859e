import type { SummedFactRow } from '../plugin/facts.js';
import { narrowSum } from '../plugin/sum-facts.js';
import type { StoredFactTable } from './fact-tables.js';
import { measureParts, quoteIdent, ROLLUP_DAY_MS, rollupSessionColumn, ROWS_PER_SESSION, sessionKeyOf, sumColumns } from './fact-tables.js';
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
const hasModel = (t: StoredFactTable): boolean => t.table.dimensions.some((d) => d.name === 'model');

/** Sessions (`sessions s`) with a fact row of one of the filter's models, in any table with a model dimension. */
function usedModelsSql(filter: StoreFilter, tables: readonly StoredFactTable[], params: unknown[]): string | undefined {
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
function listWhere(filter: StoreFilter, tables: readonly StoredFactTable[]): { sql: string; params: unknown[] } {
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

/** Which whole UTC days a time range covers (read from a rollup), and the parts of it left over (read from rows). */
function splitRange(since: number | undefined, until: number | undefined): { days?: [number | undefined, number | undefined]; rows: [number | undefined, number | undefined][] } {
  const first = since === undefined ? undefined : Math.ceil(since / ROLLUP_DAY_MS) * ROLLUP_DAY_MS;
  const last = until === undefined ? undefined : Math.floor(until / ROLLUP_DAY_MS) * ROLLUP_DAY_MS;
  if (first !== undefined && last !== undefined && first >= last) return { rows: [[since, until]] };
  const rows: [number | undefined, number | undefined][] = [];
  if (since !== undefined && since < first!) rows.push([since, first]);
  if (until !== undefined && last! < until) rows.push([last, until]);
  return { days: [first, last], rows };
}

/** `column >= from AND column < to` for the given ends, or undefined for an unbounded range. */
function rangeSql(column: string, [from, to]: [number | undefined, number | undefined], params: unknown[]): string | undefined {
  const parts: string[] = [];
  if (from !== undefined) parts.push(`${column} >= ?`) && params.push(from);
  if (to !== undefined) parts.push(`${column} < ?`) && params.push(to);
  return parts.length ? parts.join(' AND ') : undefined;
}

/**
 * A fact table's rows summed over the matching sessions' facts within the time range, grouped by
 * every dimension: the SQL twin of `sumFactRows`. Whole UTC days come from the table's rollup and
 * the ends of the range from the rows' buckets; a filter on what the rollup lacks (a session's
 * status) reads every row. Integer sums past 2^53 - 1 come back as bigint.
 */
export function sumFacts(db: Db, stored: StoredFactTable, filter: StoreFilter, tables: readonly StoredFactTable[] = [stored]): SummedFactRow[] {
  const { table } = stored;
  const dims = table.dimensions.map((d) => quoteIdent(d.name));
  // An integer sum is taken in two halves (bits 32 and up, and the low 32 bits) and put together as a
  // bigint, because SQLite's SUM fails past 2^63 and each stored value is below 2^53. The rollup
  // keeps the halves already summed.
  const columns = sumColumns(table);
  const fromRows = measureParts(table, 'f').map((part, i) => `${part} AS ${columns[i]}`);
  // What a rollup cannot tell: a session's status, or for a table without models, the models its session used.
  const rowsOnly = filter.status !== undefined || (filter.models !== undefined && !hasModel(stored));
  const modelRows = filter.models !== undefined && hasModel(stored) ? ` AND f."model" IN (SELECT value FROM json_each(?))` : '';
  const split = !rowsOnly ? splitRange(filter.sinceMs, filter.untilMs) : { rows: [[filter.sinceMs, filter.untilMs] as [number | undefined, number | undefined]] };
  const selects: string[] = [];
  const params: unknown[] = [];
  if (split.days) {
    const where = sessionWhere(filter, (name) => `f.${rollupSessionColumn(name)}`);
    const days = rangeSql('f.day', split.days, where.params);
    if (modelRows) where.params.push(JSON.stringify(filter.models));
    selects.push(`SELECT ${[...dims.map((d) => `f.${d}`), ...columns.map((c) => `f.${c}`)].join(', ')} FROM ${stored.rollup} f WHERE ${where.sql}${days ? ` AND ${days}` : ''}${modelRows}`);
    params.push(...where.params);
  }
  if (split.rows.length > 0) {
    const where = sessionWhere(filter);
    const models = hasModel(stored) ? undefined : usedModelsSql(filter, tables, where.params);
    if (models) where.sql += ` AND ${models}`;
    // Without a condition on sessions, the join is only cost: every fact row belongs to a stored session.
    const join = where.sql === '1' ? '' : ` JOIN sessions s ON s.key = ${sessionKeyOf('f')}`;
    const ranges = split.rows.map((range) => rangeSql('f.bucket', range, where.params) ?? '1');
    if (modelRows) where.params.push(JSON.stringify(filter.models));
    selects.push(`SELECT ${[...dims.map((d) => `f.${d}`), ...fromRows].join(', ')} FROM ${stored.sql} f${join} WHERE ${where.sql} AND (${ranges.map((r) => `(${r})`).join(' OR ')})${modelRows}`);
    params.push(...where.params);
  }
  const sums = columns.map((c) => `SUM(${c}) AS ${c}`);
  const statement = db
    .prepare(`SELECT ${[...dims, ...sums].join(', ')} FROM (${selects.join(' UNION ALL ')})${dims.length ? ` GROUP BY ${dims.join(', ')}` : ''}`)
    .safeIntegers(true);
  const rows = statement.all(...params) as Record<string, string | number | bigint | null>[];
  const sumOf = (row: Record<string, unknown>, m: { name: string; type: string }): number | bigint | null => {
    if (m.type !== 'integer') return (row[m.name] as number | null) ?? null;
    const high = row[`${m.name}:high`] as bigint | null;
    const low = row[`${m.name}:low`] as bigint | null;
    return high === null || low === null ? null : narrowSum((high << 32n) + low);
  };
  // SUM over no rows (no GROUP BY) is one row of nulls: no facts.
  if (dims.length === 0 && rows.length === 1 && table.measures.every((m) => sumOf(rows[0]!, m) === null)) return [];
  return rows.map((row) => {
    const out: SummedFactRow = {};
    for (const d of table.dimensions) out[d.name] = typeof row[d.name] === 'bigint' ? Number(row[d.name]) : row[d.name]!;
    for (const m of table.measures) out[m.name] = sumOf(row, m) ?? 0;
    return out;
  });
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
