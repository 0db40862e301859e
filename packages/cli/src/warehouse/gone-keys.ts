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
 * Deletes the rows of sessions older than a push (which sent them anew: every key they have now is
 * in its rows). ClickHouse deletes in the background (a mutation), so `wait` waits for the deletions
 * asked here, not for any other mutation (one stuck elsewhere would hold every push up).
 */
export class OlderRowsDeleter {
  private before?: Set<string>;
  private asked = false;

  constructor(
    private readonly warehouse: WarehouseExecutor,
    private readonly stamp: PushStamp,
    private readonly version: number,
  ) {}

  /** Deletes the rows of `ids` in `table` older than the push. */
  async delete(table: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.before ??= new Set(await this.pending());
    await this.warehouse.command(
      `ALTER TABLE ${sqlTable(this.warehouse.target.database, table)} DELETE WHERE ${stampWhere(this.stamp, ids)} AND version < ${Math.trunc(this.version)}`,
    );
    this.asked = true;
  }

  /** Waits until the deletions asked are done; a WarehouseError when one still runs after DELETE_WAIT_MS. */
  async wait(now: () => number = Date.now): Promise<void> {
    if (!this.asked) return;
    const until = now() + DELETE_WAIT_MS;
    while ((await this.pending()).some((id) => !this.before!.has(id))) {
      if (now() > until) {
        throw new WarehouseError(
          `The warehouse ${this.warehouse.target.display} is still deleting the rows resent sessions no longer have after ${DELETE_WAIT_MS / 1000} s: push again later (it resumes; until then team views may count those rows).`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, DELETE_POLL_MS));
    }
  }

  /** Mutations of the database not done yet. */
  private async pending(): Promise<string[]> {
    const rows = await this.warehouse.rows<{ id: string }>(
      `SELECT mutation_id AS id FROM system.mutations WHERE database = ${sqlString(this.warehouse.target.database)} AND is_done = 0`,
    );
    return rows.map((r) => r.id);
  }
}
