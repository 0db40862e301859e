import type { Statement } from 'better-sqlite3';
import { halfColumn, quoteIdent, ROLLUP_DAY_MS, ROLLUP_KEY, ROLLUP_ROWS, ROLLUP_SESSION_COLUMNS, rollupSessionColumn, type StoredFactTable } from './fact-tables.js';
import type { Db } from './open-database.js';

/**
 * Keeps one fact table's rollup equal to the sum of its rows: sessions' rows are added after they
 * are written and subtracted before they are deleted, in the same transaction. Integer sums are
 * kept in two halves (bits 32 and up, low 32 bits), exact and never past SQLite's 64 bits; real
 * sums are floating point, like any SQL SUM of them.
 */
export class RollupWriter {
  private readonly addMany: Statement<unknown[]>;
  private readonly subtractOne: Statement<unknown[]>;
  private readonly dropEmpty: Statement<unknown[]>;

  constructor(db: Db, stored: StoredFactTable) {
    const { table, sql, rollup } = stored;
    const dims = table.dimensions.map((d) => quoteIdent(d.name));
    // The UTC day of the bucket (floored, also before 1970).
    const day = `(f.bucket - ((f.bucket % ${ROLLUP_DAY_MS}) + ${ROLLUP_DAY_MS}) % ${ROLLUP_DAY_MS})`;
    const groupBy = [day, ...ROLLUP_SESSION_COLUMNS.map((c) => `s.${c}`), ...dims.map((d) => `f.${d}`)];
    const halves = table.measures.flatMap((m) => (m.type === 'integer' ? [halfColumn(m.name, 'high'), halfColumn(m.name, 'low')] : [quoteIdent(m.name)]));
    const sums = (sign: string) => [
      ...table.measures.flatMap((m) => {
        const c = `f.${quoteIdent(m.name)}`;
        return m.type === 'integer' ? [`${sign}SUM(${c} >> 32)`, `${sign}SUM(${c} & 4294967295)`] : [`${sign}SUM(${c})`];
      }),
      `${sign}count(*)`,
    ];
    const upsert = (sign: string, where: string) => `
      INSERT INTO ${rollup} (${ROLLUP_KEY}, day, ${[...ROLLUP_SESSION_COLUMNS.map(rollupSessionColumn), ...dims, ...halves, ROLLUP_ROWS].join(', ')})
      SELECT json_array(${groupBy.join(', ')}), ${[...groupBy, ...sums(sign)].join(', ')}
      FROM ${sql} f JOIN sessions s ON s.key = f.session_key
      WHERE ${where}
      GROUP BY ${groupBy.join(', ')}
      ON CONFLICT (${ROLLUP_KEY}) DO UPDATE SET ${[...halves, ROLLUP_ROWS].map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
    this.addMany = db.prepare(upsert('', 'f.session_key IN (SELECT value FROM json_each(?))'));
    this.subtractOne = db.prepare(upsert('-', 'f.session_key = ?'));
    this.dropEmpty = db.prepare(`DELETE FROM ${rollup} WHERE ${ROLLUP_ROWS} = 0`);
  }

  /** Adds the rows of these just-written sessions (their keys). */
  add(sessionKeys: readonly number[]): void {
    if (sessionKeys.length > 0) this.addMany.run(JSON.stringify(sessionKeys));
  }

  /** Takes away the rows of a session about to be deleted (its row must still be there). */
  subtract(sessionKey: number): void {
    if (this.subtractOne.run(sessionKey).changes > 0) this.dropEmpty.run();
  }
}
