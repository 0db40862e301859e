import type { ActivePlugin } from '../report/fold.js';
import type { FactColumnType, FactTable } from '../plugin/facts.js';
import type { Db } from './open-database.js';

/** A fact table as this store holds it: its SQL name and declaration. */
export interface StoredFactTable {
  plugin: string;
  table: FactTable;
  /** Quoted SQL identifier, `"facts:<plugin>:<table>"`. */
  sql: string;
}

const SQL_TYPE: Record<FactColumnType, string> = { text: 'TEXT', integer: 'INTEGER', real: 'REAL' };

/** A double-quoted SQL identifier (names are validated when plugins load; quoting keeps any id safe). */
export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** The fact tables of the active plugins that declare facts. */
export function factTablesOf(plugins: readonly ActivePlugin[]): StoredFactTable[] {
  return plugins.flatMap(({ plugin }) =>
    (plugin.facts?.tables ?? []).map((table) => ({ plugin: plugin.id, table, sql: quoteIdent(`facts:${plugin.id}:${table.name}`) })),
  );
}

function createSql({ table, sql }: StoredFactTable): string {
  const columns = [...table.dimensions, ...table.measures].map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.type]}`);
  const index = (suffix: string) => quoteIdent(`${sql.slice(1, -1)}:${suffix}`);
  return `
    CREATE TABLE ${sql} (session_id TEXT NOT NULL, bucket INTEGER NOT NULL, ${columns.join(', ')}) STRICT;
    CREATE INDEX ${index('session')} ON ${sql} (session_id);`;
}

/**
 * Makes every declared fact table that is missing or was made from another declaration (dropping the
 * old one). Returns true when any table was made, which means stored sessions lack those rows.
 */
export function ensureFactTables(db: Db, tables: readonly StoredFactTable[]): boolean {
  const known = new Map((db.prepare('SELECT name, declaration FROM fact_tables').all() as { name: string; declaration: string }[]).map((r) => [r.name, r.declaration]));
  const changed = tables.filter((t) => known.get(t.sql) !== JSON.stringify(t.table));
  if (changed.length === 0) return false;
  db.transaction(() => {
    for (const t of changed) {
      db.exec(`DROP TABLE IF EXISTS ${t.sql}`);
      db.exec(createSql(t));
      db.prepare('INSERT OR REPLACE INTO fact_tables (name, declaration) VALUES (?, ?)').run(t.sql, JSON.stringify(t.table));
    }
  }).immediate();
  return true;
}
