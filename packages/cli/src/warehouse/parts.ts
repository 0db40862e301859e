import type { WarehouseExecutor } from './executor.js';
import { sqlString, sqlTable } from './sql.js';

/**
 * Per table, the parts that hold each row key once: the only active part of their partition.
 *
 * Why that is enough: a push sends each key of a table at most once per insert (a session's rows are
 * summed per key, and a batch holds each session once), so a part an insert makes holds each key once;
 * a ReplacingMergeTree merge keeps one row per key; and a key's partition is fixed by its own time. So
 * a key can have two rows only in a partition with two parts or more, and those are read through FINAL.
 */
export type CleanParts = ReadonlyMap<string, readonly string[]>;

/** No part read without FINAL: every table read through FINAL alone. */
export const ALL_FINAL: CleanParts = new Map();

/** The clean parts of every table of the database, as ClickHouse lists them now. */
export async function cleanParts(warehouse: WarehouseExecutor, database: string): Promise<CleanParts> {
  const rows = await warehouse.rows<{ table: string; part: string }>(
    `SELECT table, any(name) AS part FROM system.parts WHERE database = ${sqlString(database)} AND active GROUP BY table, partition_id HAVING count() = 1`,
  );
  const out = new Map<string, string[]>();
  for (const { table, part } of rows) (out.get(table) ?? out.set(table, []).get(table)!).push(part);
  return out;
}

/**
 * Whether every part clean `before` a query is still clean `after` it: then it was the only part of
 * its partition all along (a part, once merged away, never comes back; a part added to its partition
 * would still be there, or be merged into one that is), so the query read no key twice.
 */
export function stayedClean(before: CleanParts, after: CleanParts): boolean {
  for (const [table, parts] of before) {
    const now = new Set(after.get(table));
    if (!parts.every((p) => now.has(p))) return false;
  }
  return true;
}

/**
 * Merges every partition of the database's tables that has more than one part (`OPTIMIZE ... FINAL`),
 * so that the team views read it without FINAL. Returns the partitions merged.
 */
export async function mergeSplitPartitions(warehouse: WarehouseExecutor, database: string, tables: readonly string[]): Promise<number> {
  if (tables.length === 0) return 0;
  const split = await warehouse.rows<{ table: string; id: string }>(
    `SELECT table, partition_id AS id FROM system.parts WHERE database = ${sqlString(database)} AND active AND table IN (${tables.map(sqlString).join(', ')})
      GROUP BY table, partition_id HAVING count() > 1`,
  );
  for (const { table, id } of split) await warehouse.command(`OPTIMIZE TABLE ${sqlTable(database, table)} PARTITION ID ${sqlString(id)} FINAL`);
  return split.length;
}
