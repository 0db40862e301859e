import type { FactColumn, StoredFactTable } from '@radium-stats/core';
import type { WarehouseExecutor } from './executor.js';
import { WarehouseError } from './errors.js';
import { sqlIdentifier, sqlString, sqlTable } from './sql.js';

/**
 * Version of the warehouse schema this rad makes (docs/team-warehouse.md). A warehouse records the
 * versions applied in `schema_version`; each later version adds a migration here, applied once.
 */
export const WAREHOUSE_SCHEMA_VERSION = 1;

/** The columns every row carries: who pushed it, from which session. */
export const STAMP_COLUMNS = ['team', 'developer', 'machine', 'session_id'] as const;
/** Columns of a fact table besides its declared ones; a declared column of these names cannot be pushed. */
export const FIXED_FACT_COLUMNS = new Set<string>([...STAMP_COLUMNS, 'bucket', 'version']);

/** The row version: rows of one key are replaced by the highest (ReplacingMergeTree), so a resent row counts once. */
const VERSION = 'version UInt64';

/** Months of a column in epoch ms: a row's partition never changes, as its key fixes the time. */
const monthOf = (msColumn: string) => `toYYYYMM(toDateTime(intDiv(${msColumn}, 1000)))`;

interface Migration {
  version: number;
  statements: (database: string) => string[];
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    statements: (db) => [
      `CREATE TABLE IF NOT EXISTS ${sqlTable(db, 'sessions')} (
        team String, developer String, machine String, session_id String,
        agent_session_id Nullable(String), source String, agent Nullable(String), project Nullable(String),
        start_ms Int64, end_ms Nullable(Int64), status String, wall_ms Nullable(Int64),
        ${VERSION}
      ) ENGINE = ReplacingMergeTree(version) PARTITION BY ${monthOf('start_ms')} ORDER BY (developer, machine, session_id)`,
    ],
  },
];

/** The warehouse table of a plugin's fact table: `facts_<plugin>_<table>`, in the characters SQL takes bare. */
export function factTableName(t: StoredFactTable): string {
  return `facts_${t.plugin}_${t.table.name}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
}

const dimensionType = (c: FactColumn) => (c.type === 'integer' ? 'Nullable(Int64)' : c.type === 'real' ? 'Nullable(Float64)' : 'Nullable(String)');
const measureType = (c: FactColumn) => (c.type === 'real' ? 'Float64' : 'Int64');
/** A dimension in the sorting key: 18.16 takes no Nullable column there, so null is told apart by a flag. */
const keyParts = (c: FactColumn) => [`ifNull(${sqlIdentifier(c.name)}, ${c.type === 'text' ? "''" : '0'})`, `isNull(${sqlIdentifier(c.name)})`];

/** The CREATE statement of a fact table: one row per developer, machine, session, bucket and dimensions. */
export function factTableSql(database: string, t: StoredFactTable): string {
  const columns = [
    ...STAMP_COLUMNS.map((c) => `${c} String`),
    'bucket Int64',
    ...t.table.dimensions.map((c) => `${sqlIdentifier(c.name)} ${dimensionType(c)}`),
    ...t.table.measures.map((c) => `${sqlIdentifier(c.name)} ${measureType(c)}`),
    VERSION,
  ];
  const key = ['developer', 'machine', 'session_id', 'bucket', ...t.table.dimensions.flatMap(keyParts)];
  return `CREATE TABLE IF NOT EXISTS ${sqlTable(database, factTableName(t))} (${columns.join(', ')})
    ENGINE = ReplacingMergeTree(version) PARTITION BY ${monthOf('bucket')} ORDER BY (${key.join(', ')})`;
}

/** Fact tables whose declared columns do not clash with the stamp columns; the others are named to `warn`. */
export function pushableTables(tables: readonly StoredFactTable[], warn: (message: string) => void): StoredFactTable[] {
  return tables.filter((t) => {
    const clash = [...t.table.dimensions, ...t.table.measures].find((c) => FIXED_FACT_COLUMNS.has(c.name));
    if (clash) warn(`Plugin ${t.plugin}'s fact table ${t.table.name} has a column named ${clash.name}, which the warehouse uses for itself; it is not pushed.`);
    return !clash;
  });
}

/** Applied schema versions, highest first. */
async function appliedVersion(warehouse: WarehouseExecutor, database: string): Promise<number> {
  await warehouse.command(`CREATE TABLE IF NOT EXISTS ${sqlTable(database, 'schema_version')} (version UInt32, applied_ms UInt64) ENGINE = MergeTree ORDER BY version`);
  const rows = await warehouse.rows<{ version: number }>(`SELECT max(version) AS version FROM ${sqlTable(database, 'schema_version')}`);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Brings the warehouse to this rad's schema: the database, the migrations it lacks (in order, each
 * recorded when done), and a table per fact table, with measure columns a newer declaration added.
 * A dimension a table lacks would change its key: that is an error naming the table.
 */
export async function ensureSchema(warehouse: WarehouseExecutor, tables: readonly StoredFactTable[]): Promise<void> {
  const db = warehouse.target.database;
  await warehouse.command(`CREATE DATABASE IF NOT EXISTS ${sqlIdentifier(db)}`);
  const applied = await appliedVersion(warehouse, db);
  if (applied > WAREHOUSE_SCHEMA_VERSION) {
    throw new WarehouseError(`The warehouse ${warehouse.target.display} has schema version ${applied}, made by a newer rad (this one knows up to ${WAREHOUSE_SCHEMA_VERSION}): upgrade rad.`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= applied) continue;
    for (const statement of migration.statements(db)) await warehouse.command(statement);
    await warehouse.insert(sqlTable(db, 'schema_version'), [{ version: migration.version, applied_ms: Date.now() }]);
  }
  const existing = await warehouse.rows<{ table: string; name: string }>(`SELECT table, name FROM system.columns WHERE database = ${sqlString(db)}`);
  const columnsOf = new Map<string, Set<string>>();
  for (const { table, name } of existing) (columnsOf.get(table) ?? columnsOf.set(table, new Set()).get(table)!).add(name);
  for (const t of tables) {
    const name = factTableName(t);
    const have = columnsOf.get(name);
    if (!have) {
      await warehouse.command(factTableSql(db, t));
      continue;
    }
    const lacking = t.table.dimensions.filter((c) => !have.has(c.name));
    if (lacking.length > 0) {
      throw new WarehouseError(
        `The warehouse table ${db}.${name} lacks dimension ${lacking.map((c) => c.name).join(', ')} of plugin ${t.plugin}'s newer declaration: rename or drop that table, then push again.`,
      );
    }
    for (const m of t.table.measures) {
      if (!have.has(m.name)) await warehouse.command(`ALTER TABLE ${sqlTable(db, name)} ADD COLUMN ${sqlIdentifier(m.name)} ${measureType(m)}`);
    }
  }
}
