import type { FactRow, StoredFactTable } from '@radium-stats/core';
import type { WarehouseExecutor } from './executor.js';
import { WarehouseError } from './errors.js';
import { factTableName } from './schema.js';
import { sqlIdentifier, sqlString, sqlTable } from './sql.js';

/** How long a push waits for the deletions it asked for before it gives up (and the next push asks again). */
const DELETE_WAIT_MS = 120_000;
const DELETE_POLL_MS = 100;

/** Who pushed the rows: the rows of one developer and machine are the only ones a push touches. */
export interface PushStamp {
  developer: string;
  machine: string;
}

const stampWhere = (stamp: PushStamp, ids: readonly string[]) =>
  `developer = ${sqlString(stamp.developer)} AND machine = ${sqlString(stamp.machine)} AND session_id IN (${ids.map(sqlString).join(', ')})`;

const keyOf = (t: StoredFactTable, row: Record<string, unknown>) => JSON.stringify([Number(row['bucket']), ...t.table.dimensions.map((d) => row[d.name] ?? null)]);

/**
 * The sessions of `sent` that hold a row in table `t` of the warehouse under a key (bucket and
 * dimensions) they no longer have. A session's key can go: re-priced with other price data, a reason
 * that no longer holds once it ended, an earlier push cut off before the session changed. The new
 * rows replace the old ones of the same key, but a row of a gone key would stay and count beside them.
 */
export async function sessionsWithGoneKeys(
  warehouse: WarehouseExecutor,
  t: StoredFactTable,
  stamp: PushStamp,
  sent: readonly { id: string; rows: readonly FactRow[] }[],
): Promise<string[]> {
  if (sent.length === 0) return [];
  const columns = ['session_id', 'bucket', ...t.table.dimensions.map((d) => sqlIdentifier(d.name))].join(', ');
  const held = await warehouse.rows<Record<string, unknown> & { session_id: string }>(
    `SELECT DISTINCT ${columns} FROM ${sqlTable(warehouse.target.database, factTableName(t))} WHERE ${stampWhere(stamp, sent.map((s) => s.id))}`,
  );
  const now = new Map(sent.map((s) => [s.id, new Set(s.rows.map((row) => keyOf(t, row)))]));
  return [...new Set(held.filter((row) => !now.get(row.session_id)?.has(keyOf(t, row))).map((row) => row.session_id))];
}

/**
 * Deletes the rows of these sessions in `table` older than `version` (the push that sent them anew:
 * every key they have now is in its rows). ClickHouse deletes in the background (a mutation), so
 * `waitForDeletes` waits for it before the push is done.
 */
export async function deleteOlderRows(warehouse: WarehouseExecutor, table: string, stamp: PushStamp, ids: readonly string[], version: number): Promise<void> {
  if (ids.length === 0) return;
  await warehouse.command(`ALTER TABLE ${sqlTable(warehouse.target.database, table)} DELETE WHERE ${stampWhere(stamp, ids)} AND version < ${Math.trunc(version)}`);
}

/** Waits until no deletion of the database is pending; a WarehouseError when one is still running after DELETE_WAIT_MS. */
export async function waitForDeletes(warehouse: WarehouseExecutor, now: () => number = Date.now): Promise<void> {
  const until = now() + DELETE_WAIT_MS;
  const sql = `SELECT count() AS n FROM system.mutations WHERE database = ${sqlString(warehouse.target.database)} AND is_done = 0`;
  for (;;) {
    const [row] = await warehouse.rows<{ n: number }>(sql);
    if (Number(row?.n ?? 0) === 0) return;
    if (now() > until) {
      throw new WarehouseError(
        `The warehouse ${warehouse.target.display} is still deleting the rows resent sessions no longer have after ${DELETE_WAIT_MS / 1000} s: push again later (it resumes; until then team views may count those rows).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, DELETE_POLL_MS));
  }
}
