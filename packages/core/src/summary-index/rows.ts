import { compareNewestFirst, sessionKey, type SessionKey } from './order.js';
import type { SessionSummary } from '../database/summary.js';

/** One indexed report: its file id, the stamp it was read at, and its summary. */
export interface Row {
  /** File id (`<id>.json`), which is what loading by id uses. */
  id: string;
  size: number;
  mtimeMs: number;
  summary: SessionSummary;
}

/** History position of a row. */
export function rowKey(row: Row): SessionKey {
  return sessionKey(row.id, row.summary.startTime);
}

/** A cache file that is missing, truncated or does not match the manifest; the index is repaired or rebuilt. */
export class IndexUnreadableError extends Error {
  override name = 'IndexUnreadableError';
}

/** Sorts rows into history order (newest first), computing each key once. */
export function sortRows(rows: readonly Row[]): Row[] {
  return rows
    .map((row) => ({ key: rowKey(row), row }))
    .sort((a, b) => compareNewestFirst(a.key, b.key))
    .map((x) => x.row);
}
