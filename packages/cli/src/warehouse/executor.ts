import type { WarehouseTarget } from './settings.js';

/**
 * What the schema, push and team-view code run their SQL through: `Warehouse` (the official client
 * over HTTP) in `rad`, or an embedded current ClickHouse (chdb) in tests, so both run the same SQL.
 * Every failure is a one-line WarehouseError without credentials.
 */
export interface WarehouseExecutor {
  /** Where the statements go, and the identity stamped on pushed rows. */
  readonly target: WarehouseTarget;
  /** Runs a statement that returns nothing (DDL). */
  command(query: string): Promise<void>;
  /** Runs a query and returns its rows (JSONEachRow, 64-bit integers as numbers). */
  rows<T>(query: string): Promise<T[]>;
  /** Inserts rows into `table` (already quoted) as JSONEachRow; nothing when there are none. */
  insert(table: string, values: readonly Record<string, unknown>[]): Promise<void>;
  /** Releases the connection. */
  close(): Promise<void>;
}
