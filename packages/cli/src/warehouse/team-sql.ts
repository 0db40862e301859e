import type { StoreFilter, StoredFactTable, TimeRange } from '@radium-stats/core';
import type { CleanParts } from './parts.js';
import { factTableName } from './schema.js';
import { sqlIdentifier, sqlString, sqlTable } from './sql.js';

/** What the team views may group by: a stamp column of every row, or a session column. */
export type TeamGroupBy = 'developer' | 'project' | 'agent';

/** Who the team views are about, besides the usual filters. */
export interface TeamScope {
  developer?: string | undefined;
  machine?: string | undefined;
  by?: TeamGroupBy | undefined;
}

/** Column names of answers that no declared column can have (a colon). */
export const BY = '`:by`';
export const PERIOD = '`:period`';

const KEY_COLUMNS = ['developer', 'machine', 'session_id'];
const KEY = KEY_COLUMNS.join(', ');
const int = (n: number) => String(Math.trunc(n));
const and = (parts: string[]) => (parts.length === 0 ? '1' : parts.join(' AND '));
const hasModel = (t: StoredFactTable) => t.table.dimensions.some((d) => d.name === 'model');

/** Stamp conditions: developer and machine. */
function stampWhere(scope: TeamScope): string[] {
  const parts: string[] = [];
  if (scope.developer !== undefined) parts.push(`developer = ${sqlString(scope.developer)}`);
  if (scope.machine !== undefined) parts.push(`machine = ${sqlString(scope.machine)}`);
  return parts;
}

/** A project folder or anything below it (byte lengths: ClickHouse's substring counts bytes). */
function projectWhere(project: string): string {
  const base = project.replace(/\/+$/, '');
  const below = `${base}/`;
  return `(project = ${sqlString(base)} OR substring(ifNull(project, ''), 1, ${Buffer.byteLength(below)}) = ${sqlString(below)})`;
}

/** Conditions on the `sessions` table of the filter's session part (not its dates), like the local store's. */
function sessionFilterWhere(db: string, filter: StoreFilter, tables: readonly StoredFactTable[]): string[] {
  const parts: string[] = [];
  if (filter.agent !== undefined) parts.push(`agent = ${sqlString(filter.agent)}`);
  if (filter.source !== undefined) parts.push(`source = ${sqlString(filter.source)}`);
  if (filter.status !== undefined) parts.push(`status = ${sqlString(filter.status)}`);
  if (filter.project !== undefined) parts.push(projectWhere(filter.project));
  return parts.concat(usedModels(db, filter, tables) ?? []);
}

/** Sessions that used one of the filter's models, in any table with a model dimension. */
function usedModels(db: string, filter: StoreFilter, tables: readonly StoredFactTable[]): string | undefined {
  if (!filter.models) return undefined;
  const withModel = tables.filter(hasModel);
  if (withModel.length === 0) return '0';
  // No FINAL: rows of one key share its model, so the sessions found are the same with or without it.
  return `(${withModel.map((t) => `(${KEY}) IN (SELECT ${KEY} FROM ${sqlTable(db, factTableName(t))} WHERE model IN (${modelList(filter)}))`).join(' OR ')})`;
}

const modelList = (filter: StoreFilter) => filter.models!.map(sqlString).join(', ');

/**
 * The period of a time (1-based; 0: none) among ranges that do not overlap, as a ClickHouse
 * expression; undefined ends are open. A multiIf, not a lambda: 18.16 loses a lambda's columns under a WHERE.
 */
function periodIndex(column: string, ranges: readonly TimeRange[]): string {
  const tests = ranges.map(([f, t], i) => {
    const parts = [...(f === undefined ? [] : [`${column} >= ${int(f)}`]), ...(t === undefined ? [] : [`${column} < ${int(t)}`])];
    return `${parts.length === 0 ? '1' : parts.join(' AND ')}, ${i + 1}`;
  });
  return `multiIf(${tests.join(', ')}, 0)`;
}

/** The ranges split into lists of ranges that do not overlap, each with the ranges' own indexes: one query each. */
export function layers(ranges: readonly TimeRange[]): { index: number; range: TimeRange }[][] {
  const out: { index: number; range: TimeRange }[][] = [];
  const overlaps = (a: TimeRange, b: TimeRange) => (a[0] ?? -Infinity) < (b[1] ?? Infinity) && (b[0] ?? -Infinity) < (a[1] ?? Infinity);
  ranges.forEach((range, index) => {
    const layer = out.find((l) => l.every((r) => !overlaps(r.range, range)));
    if (layer) layer.push({ index, range });
    else out.push([{ index, range }]);
  });
  return out;
}

/**
 * A table's rows with each key once, as an aliased subquery of `columns` (names or aliased expressions) filtered by `where`:
 * its clean parts read as they are, every other part through FINAL. FINAL merges every row it reads
 * on one thread (on 18.16), so reading only the parts that may hold a key twice through it is what
 * keeps a team view's time in step with the rows it sums.
 */
function dedupedRows(db: string, table: string, columns: readonly string[], where: readonly string[], clean: CleanParts, alias: string): string {
  const from = sqlTable(db, table);
  const list = [...new Set(columns)].join(', ');
  const parts = (clean.get(table) ?? []).map(sqlString).join(', ');
  if (parts === '') return `(SELECT ${list} FROM ${from} FINAL WHERE ${and([...where])}) AS ${alias}`;
  return `(SELECT ${list} FROM ${from} WHERE ${and([`_part IN (${parts})`, ...where])}
    UNION ALL SELECT ${list} FROM ${from} FINAL WHERE ${and([`_part NOT IN (${parts})`, ...where])}) AS ${alias}`;
}

/** The sessions subquery joined to rows for a session filter or a session-column grouping; undefined when neither is asked. */
function sessionJoin(db: string, filter: StoreFilter, scope: TeamScope, tables: readonly StoredFactTable[], clean: CleanParts): string | undefined {
  const where = sessionFilterWhere(db, filter, tables).concat(stampWhere(scope));
  const sessionBy = scope.by === 'project' || scope.by === 'agent';
  if (where.length === stampWhere(scope).length && !sessionBy) return undefined;
  const by = sessionBy ? `, ${scope.by} AS ${BY}` : '';
  const columns = [...KEY_COLUMNS, ...(sessionBy ? [scope.by!] : [])];
  return `ANY INNER JOIN (SELECT ${KEY}${by} FROM ${dedupedRows(db, 'sessions', columns, where, clean, 'sd')}) AS s USING (${KEY})`;
}

/**
 * One fact table summed in ClickHouse per period of `ranges` (which must not overlap), group (`:by`)
 * and every dimension, over the rows (each key once, so a resent row counts once) of the filter's
 * buckets, sessions and scope.
 */
export function sumFactsSql(
  db: string,
  t: StoredFactTable,
  filter: StoreFilter,
  scope: TeamScope,
  ranges: readonly TimeRange[],
  tables: readonly StoredFactTable[],
  clean: CleanParts,
): string {
  const dims = t.table.dimensions.map((d) => sqlIdentifier(d.name));
  const measures = t.table.measures.map((m) => sqlIdentifier(m.name));
  const inner = stampWhere(scope);
  if (filter.sinceMs !== undefined) inner.push(`bucket >= ${int(filter.sinceMs)}`);
  if (filter.untilMs !== undefined) inner.push(`bucket < ${int(filter.untilMs)}`);
  // A model filter picks a model table's own rows; other tables follow the sessions that used one (the join).
  if (filter.models && hasModel(t)) inner.push(`model IN (${modelList(filter)})`);
  const join = sessionJoin(db, hasModel(t) ? { ...filter, models: undefined } : filter, scope, tables, clean);
  // Only the columns used are read: the key only for a join, the developer only to group by it.
  // The period is picked in the subquery and tested outside it, so each row's period is computed once.
  const columns = [
    ...(join ? KEY_COLUMNS : []),
    ...(scope.by === 'developer' ? [`developer AS ${BY}`] : []),
    `${periodIndex('bucket', ranges)} AS ${PERIOD}`,
    ...dims,
    ...measures,
  ];
  const group = [...(scope.by ? [BY] : []), PERIOD, ...dims];
  // Joined subqueries are aliased: current ClickHouse requires it (18.16 takes it).
  return `SELECT ${[...group, ...measures.map((m) => `sum(${m}) AS ${m}`)].join(', ')}
    FROM ${dedupedRows(db, factTableName(t), columns, inner, clean, 'f')} ${join ?? ''} WHERE ${PERIOD} > 0 GROUP BY ${group.join(', ')}`;
}

/** Sessions counted per period (by start; `ranges` must not overlap) and group. */
export function countSessionsSql(db: string, filter: StoreFilter, scope: TeamScope, ranges: readonly TimeRange[], tables: readonly StoredFactTable[], clean: CleanParts): string {
  const where = [...stampWhere(scope), ...sessionFilterWhere(db, filter, tables)];
  if (filter.sinceMs !== undefined) where.push(`start_ms >= ${int(filter.sinceMs)}`);
  if (filter.untilMs !== undefined) where.push(`start_ms < ${int(filter.untilMs)}`);
  const by = scope.by ? `, ${scope.by} AS ${BY}` : '';
  const columns = ['start_ms', ...(scope.by ? [scope.by] : [])];
  const rows = `SELECT ${periodIndex('start_ms', ranges)} AS ${PERIOD}${by} FROM ${dedupedRows(db, 'sessions', columns, where, clean, 'sd')}`;
  const group = [...(scope.by ? [BY] : []), PERIOD];
  return `SELECT ${group.join(', ')}, count() AS n FROM (${rows}) WHERE ${PERIOD} > 0 GROUP BY ${group.join(', ')}`;
}

/** The first start and last end (now for a live session) of the selected sessions, ignoring the filter's dates. */
export function spanSql(db: string, filter: StoreFilter, scope: TeamScope, tables: readonly StoredFactTable[], nowMs: number, clean: CleanParts): string {
  const where = [...stampWhere(scope), ...sessionFilterWhere(db, filter, tables)];
  return `SELECT count() AS n, min(start_ms) AS first, max(if(status = 'live', greatest(toInt64(${int(nowMs)}), start_ms), ifNull(end_ms, start_ms))) AS last
    FROM ${dedupedRows(db, 'sessions', ['start_ms', 'end_ms', 'status'], where, clean, 'sd')}`;
}

/** A page of the selected sessions (started in the filter's range), newest first. */
export function sessionPageSql(db: string, filter: StoreFilter, scope: TeamScope, tables: readonly StoredFactTable[], offset: number, limit: number, clean: CleanParts): string {
  const where = [...stampWhere(scope), ...sessionFilterWhere(db, filter, tables)];
  if (filter.sinceMs !== undefined) where.push(`start_ms >= ${int(filter.sinceMs)}`);
  if (filter.untilMs !== undefined) where.push(`start_ms < ${int(filter.untilMs)}`);
  const columns = [...KEY_COLUMNS, 'source', 'agent', 'start_ms', 'end_ms', 'status'];
  return `SELECT ${columns.join(', ')} FROM ${dedupedRows(db, 'sessions', columns, where, clean, 'sd')}
    ORDER BY start_ms DESC, session_id DESC, developer, machine LIMIT ${int(offset)}, ${int(limit)}`;
}

/** One fact table summed per session, over whole sessions, for the sessions named by key. */
export function sessionFactsSql(db: string, t: StoredFactTable, keys: readonly { developer: string; machine: string; session_id: string }[]): string {
  const dims = t.table.dimensions.map((d) => sqlIdentifier(d.name));
  const measures = t.table.measures.map((m) => sqlIdentifier(m.name));
  const tuples = keys.map((k) => `(${sqlString(k.developer)}, ${sqlString(k.machine)}, ${sqlString(k.session_id)})`);
  return `SELECT ${[KEY, ...dims, ...measures.map((m) => `sum(${m}) AS ${m}`)].join(', ')} FROM ${sqlTable(db, factTableName(t))} FINAL
    WHERE (${KEY}) IN (${tuples.join(', ')}) GROUP BY ${[KEY, ...dims].join(', ')}`;
}
