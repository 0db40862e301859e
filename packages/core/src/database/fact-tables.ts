import type { ActivePlugin } from '../report/fold.js';
import type { FactColumnType, FactTable } from '../plugin/facts.js';
import type { Db } from './open-database.js';
import type { IndexDef } from './schema.js';

/** A fact table as this store holds it: its SQL names and declaration. */
export interface StoredFactTable {
  plugin: string;
  table: FactTable;
  /** Quoted SQL identifier of the rows, `"facts:<plugin>:<table>"`. */
  sql: string;
  /**
   * Quoted SQL identifier of the rollup, `"rollup:<plugin>:<table>"`: the rows summed over sessions
   * per UTC day, agent, source, project and dimensions, kept in step with every write. Aggregate
   * questions read it for whole days instead of every session's rows.
   */
  rollup: string;
}

/**
 * A rollup's grain: one UTC day. A year of history is a few hundred groups per dimension value
 * however many sessions it holds; the ends of a time range that are not whole UTC days (a local
 * day, a date-time) are summed from the rows' 15-minute buckets.
 */
export const ROLLUP_DAY_MS = 86_400_000;

/**
 * A fact row's id is its session's key times this, plus its index among the session's rows of that
 * table: the table's own b-tree finds a session's rows, so no index on a session column is kept up
 * at every insert. Reports are capped at 64 MiB, far below 2^24 rows of one table.
 */
export const ROWS_PER_SESSION = 2 ** 24;

/** The session key of fact rows aliased `alias`, in SQL. */
export const sessionKeyOf = (alias: string): string => `(${alias}.id >> 24)`;

/** Session columns a rollup keeps, so that filters on them need no join. */
export const ROLLUP_SESSION_COLUMNS = ['agent', 'source', 'project'] as const;

/**
 * A rollup's own columns carry a colon, which no declared column name can (`^[a-z][a-z0-9_]*$`),
 * so a plugin's dimension named `source` or `n` never collides with them.
 */
export const rollupSessionColumn = (name: string): string => `"session:${name}"`;
/** The rollup column holding a group's key. */
export const ROLLUP_KEY = '":key"';
/** The rollup column counting the fact rows summed into a group. */
export const ROLLUP_ROWS = '":rows"';

const SQL_TYPE: Record<FactColumnType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL' };

/** A double-quoted SQL identifier (names are validated when plugins load; quoting keeps any id safe). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Rollup column holding the sum of an integer measure's bits 32 and up (`high`) or its low 32 bits. */
export const halfColumn = (measure: string, half: 'high' | 'low'): string => quoteIdent(`${measure}:${half}`);

/**
 * The columns that hold a table's measures summed (in a rollup, and in every sum query): an integer
 * measure as two halves (bits 32 and up, low 32 bits), exact and never past SQLite's 64 bits; a
 * real one as itself.
 */
export function sumColumns(table: FactTable): string[] {
  return table.measures.flatMap((m) => (m.type === 'integer' ? [halfColumn(m.name, 'high'), halfColumn(m.name, 'low')] : [quoteIdent(m.name)]));
}

/** SQL of each fact row's share of `sumColumns`, for rows aliased `alias`. */
export function measureParts(table: FactTable, alias: string): string[] {
  return table.measures.flatMap((m) => {
    const c = `${alias}.${quoteIdent(m.name)}`;
    return m.type === 'integer' ? [`${c} >> 32`, `${c} & 4294967295`] : [c];
  });
}

/** The fact tables of the active plugins that declare facts. */
export function factTablesOf(plugins: readonly ActivePlugin[]): StoredFactTable[] {
  return plugins.flatMap(({ plugin }) =>
    (plugin.facts?.tables ?? []).map((table) => ({
      plugin: plugin.id,
      table,
      sql: quoteIdent(`facts:${plugin.id}:${table.name}`),
      rollup: quoteIdent(`rollup:${plugin.id}:${table.name}`),
    })),
  );
}

const bare = (sql: string): string => sql.slice(1, -1);

/** The index of a fact table's rows by time (which a bulk write makes after its inserts, see bulk-indexes.ts). */
export const bucketIndex = ({ sql }: StoredFactTable): IndexDef => ({ name: quoteIdent(`${bare(sql)}:bucket`), on: `${sql} (bucket)` });

function createSql(t: StoredFactTable): string {
  const { table, sql, rollup } = t;
  const columns = [...table.dimensions, ...table.measures].map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`);
  const index = (name: string, suffix: string) => quoteIdent(`${bare(name)}:${suffix}`);
  const facts = `
    CREATE TABLE ${sql} (id INTEGER PRIMARY KEY, bucket INTEGER NOT NULL, ${columns.join(', ')}) STRICT;
    CREATE INDEX ${bucketIndex(t).name} ON ${bucketIndex(t).on};`;
  const dims = table.dimensions.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`);
  const sums = table.measures.flatMap((m) =>
    m.type === 'integer' ? [`${halfColumn(m.name, 'high')} INTEGER NOT NULL`, `${halfColumn(m.name, 'low')} INTEGER NOT NULL`] : [`${quoteIdent(m.name)} REAL NOT NULL`],
  );
  const session = ROLLUP_SESSION_COLUMNS.map((c) => `${rollupSessionColumn(c)} TEXT`);
  // The key is the group as a JSON array: unlike a composite primary key, it tells NULLs apart for
  // ON CONFLICT. The row count lets groups whose sessions all went be deleted.
  return `${facts}
    CREATE TABLE ${rollup} (${ROLLUP_KEY} TEXT PRIMARY KEY, day INTEGER NOT NULL, ${[...session, ...dims, ...sums].join(', ')},
      ${ROLLUP_ROWS} INTEGER NOT NULL) STRICT;
    CREATE INDEX ${index(rollup, 'day')} ON ${rollup} (day);
    CREATE INDEX ${index(rollup, 'empty')} ON ${rollup} (${ROLLUP_ROWS}) WHERE ${ROLLUP_ROWS} = 0;`;
}

/**
 * What a table was made from: its declaration and the layout this code gives it. When either
 * changes, the table is made again (and every session read again).
 */
const LAYOUT = 2;
const madeFrom = (t: StoredFactTable): string => JSON.stringify({ layout: LAYOUT, table: t.table });

/** Names of the tables this store made for fact declarations (rows and rollups). */
function storedFactTableNames(db: Db): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'facts:%' OR name LIKE 'rollup:%')").pluck().all() as string[];
}

/**
 * Makes every declared fact table that is missing or was made from another declaration (dropping the
 * old one), and drops tables no active plugin declares. Returns true when any table was made, which
 * means stored sessions lack those rows.
 */
export function ensureFactTables(db: Db, tables: readonly StoredFactTable[]): boolean {
  const known = new Map((db.prepare('SELECT name, declaration FROM fact_tables').all() as { name: string; declaration: string }[]).map((r) => [r.name, r.declaration]));
  const changed = tables.filter((t) => known.get(t.sql) !== madeFrom(t));
  const wanted = new Set(tables.flatMap((t) => [bare(t.sql), bare(t.rollup)]));
  const orphans = storedFactTableNames(db).filter((name) => !wanted.has(name));
  if (changed.length === 0 && orphans.length === 0) return false;
  db.transaction(() => {
    for (const name of orphans) db.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    db.prepare(`DELETE FROM fact_tables WHERE name NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(tables.map((t) => t.sql)));
    for (const t of changed) {
      db.exec(`DROP TABLE IF EXISTS ${t.sql}`);
      db.exec(`DROP TABLE IF EXISTS ${t.rollup}`);
      db.exec(createSql(t));
      db.prepare('INSERT OR REPLACE INTO fact_tables (name, declaration) VALUES (?, ?)').run(t.sql, madeFrom(t));
    }
  }).immediate();
  return changed.length > 0;
}
