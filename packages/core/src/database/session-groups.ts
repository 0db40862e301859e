import { quoteIdent, ROWS_PER_SESSION, type StoredFactTable } from './fact-tables.js';
import type { Db } from './open-database.js';
import { listWhere, type StoreFilter } from './queries.js';

/** A session column whose values group sessions. */
export type SessionColumn = 'agent' | 'project' | 'source';

/** One value of a session column and how many matching sessions have it. */
export interface SessionColumnValue {
  value: string;
  sessions: number;
}

/** The values (nulls left out) of a session column among the matching sessions, most sessions first, then by value. */
export function sessionColumnValues(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[], column: SessionColumn): SessionColumnValue[] {
  const where = listWhere(filter, tables);
  const sql = `SELECT s.${column} AS value, count(*) AS sessions FROM sessions s WHERE ${where.sql} AND s.${column} IS NOT NULL GROUP BY s.${column} ORDER BY sessions DESC, value`;
  return db.prepare(sql).all(...where.params) as SessionColumnValue[];
}

/**
 * Ids of the matching sessions (started within the filter's range, like a history page) ranked by
 * one measure of a fact table summed over all of each session's rows, highest first, newest first
 * among equals; at most `limit`.
 */
export function sessionsRankedBy(db: Db, filter: StoreFilter, tables: readonly StoredFactTable[], stored: StoredFactTable, measure: string, limit: number): string[] {
  const where = listWhere(filter, tables);
  // A session's rows are one id range of the table's own b-tree (see ROWS_PER_SESSION): no join, no extra index.
  const total = `(SELECT coalesce(SUM(f.${quoteIdent(measure)}), 0) FROM ${stored.sql} f WHERE f.id BETWEEN s.key * ${ROWS_PER_SESSION} AND s.key * ${ROWS_PER_SESSION} + ${ROWS_PER_SESSION - 1})`;
  return db
    .prepare(`SELECT s.id FROM sessions s WHERE ${where.sql} ORDER BY ${total} DESC, s.start_ms DESC, s.id DESC LIMIT ?`)
    .pluck()
    .all(...where.params, limit) as string[];
}
