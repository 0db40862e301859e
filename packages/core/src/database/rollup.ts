import type { Statement } from 'better-sqlite3';
import type { FactRow } from '../plugin/facts.js';
import { measureParts, quoteIdent, ROLLUP_DAY_MS, ROLLUP_KEY, ROLLUP_ROWS, ROLLUP_SESSION_COLUMNS, rollupSessionColumn, ROWS_PER_SESSION, sessionKeyOf, sumColumns, type StoredFactTable } from './fact-tables.js';
import type { Db } from './open-database.js';

/** The session columns a rollup groups by. */
export interface RollupSession {
  agent: string | null;
  source: string;
  project: string | null;
}

interface Group {
  values: (string | number | null)[];
  sums: number[];
  rows: number;
}

const HALF = 2 ** 32;

/** A value's part of a group key: its type and length before it, so that keys of different groups never meet. */
const partOf = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '|' : typeof value === 'string' ? `|s${value.length}:${value}` : `|n${value}`;

/** The key of a session's agent, source and project among the pending groups. */
const sessionKey = (s: RollupSession): string => `${partOf(s.agent)}${partOf(s.source)}${partOf(s.project)}`;

/** The UTC day holding a bucket (floored, also before 1970). */
const dayOf = (bucket: number): number => bucket - (((bucket % ROLLUP_DAY_MS) + ROLLUP_DAY_MS) % ROLLUP_DAY_MS);

/**
 * Keeps one fact table's rollup equal to the sum of its rows: a session's rows are added when it
 * is written and taken away before it is deleted, summed here per group and written once per
 * transaction. Integer sums are kept in two halves (bits 32 and up, low 32 bits), exact and never
 * past SQLite's 64 bits; real sums are floating point, like any SQL SUM of them.
 */
export class RollupWriter {
  private readonly upsert: Statement<unknown[]>;
  private readonly dropEmpty: Statement<unknown[]>;
  private readonly rowsOf: Statement<unknown[]>;
  private readonly dims: string[];
  private readonly measures: { name: string; integer: boolean }[];
  /** Groups counted since the last flush, by session columns, then by day and dimensions. */
  private pending = new Map<string, Map<string, Group>>();
  private removed = false;

  constructor(db: Db, stored: StoredFactTable) {
    const { table, sql, rollup } = stored;
    this.dims = table.dimensions.map((d) => d.name);
    this.measures = table.measures.map((m) => ({ name: m.name, integer: m.type === 'integer' }));
    const sums = sumColumns(table);
    const columns = [ROLLUP_KEY, 'day', ...ROLLUP_SESSION_COLUMNS.map(rollupSessionColumn), ...this.dims.map(quoteIdent), ...sums, ROLLUP_ROWS];
    this.upsert = db.prepare(`INSERT INTO ${rollup} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
      ON CONFLICT (${ROLLUP_KEY}) DO UPDATE SET ${[...sums, ROLLUP_ROWS].map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`);
    this.dropEmpty = db.prepare(`DELETE FROM ${rollup} WHERE ${ROLLUP_ROWS} = 0`);
    this.rowsOf = db.prepare(`SELECT * FROM ${sql} WHERE id BETWEEN ? AND ?`);
  }

  /** Counts a session's rows in (sign 1) or out (sign -1) of the rollup, at the next flush. */
  add(session: RollupSession, rows: readonly FactRow[], sign: 1 | -1 = 1): void {
    // This runs for every fact row of a rebuild: groups are found by a cheap key of their own (each
    // value prefixed by its length, so no two groups share one), under the session's agent, source
    // and project; the JSON key a rollup row is stored under is made once per group.
    const at = sessionKey(session);
    let bySession = this.pending.get(at);
    if (bySession === undefined) this.pending.set(at, (bySession = new Map()));
    for (const row of rows) {
      const day = dayOf(row.bucket);
      let key = `${day}`;
      for (const d of this.dims) key += partOf(row[d]);
      let group = bySession.get(key);
      if (group === undefined) {
        group = { values: [day, session.agent, session.source, session.project, ...this.dims.map((d) => row[d] ?? null)], sums: new Array<number>(this.measures.length * 2).fill(0), rows: 0 };
        bySession.set(key, group);
      }
      group.rows += sign;
      for (let i = 0; i < this.measures.length; i++) {
        const m = this.measures[i]!;
        const v = Number(row[m.name] ?? 0);
        if (!m.integer) {
          group.sums[i * 2]! += sign * v;
          continue;
        }
        const high = Math.floor(v / HALF);
        group.sums[i * 2]! += sign * high;
        group.sums[i * 2 + 1]! += sign * (v - high * HALF);
      }
    }
    if (sign < 0) this.removed = true;
  }

  /** Counts a stored session's rows out of the rollup (before they are deleted). */
  remove(sessionKey: number, session: RollupSession): void {
    this.add(session, this.rowsOf.all(sessionKey * ROWS_PER_SESSION, (sessionKey + 1) * ROWS_PER_SESSION - 1) as FactRow[], -1);
  }

  /** Forgets what was counted since the last flush (its transaction was rolled back). */
  discard(): void {
    this.pending.clear();
    this.removed = false;
  }

  /** Writes what was counted in or out since the last flush. */
  flush(): void {
    for (const groups of this.pending.values()) {
      for (const group of groups.values()) {
        const sums = this.measures.flatMap((m, i) => (m.integer ? [group.sums[i * 2], group.sums[i * 2 + 1]] : [group.sums[i * 2]]));
        this.upsert.run(JSON.stringify(group.values), ...group.values, ...sums, group.rows);
      }
    }
    this.pending.clear();
    if (this.removed) this.dropEmpty.run();
    this.removed = false;
  }
}

/**
 * True while a bulk write's mark is in the store (see SessionWriter): its rollups then lag its fact
 * rows until a sync makes them again.
 */
export function rollupsLag(db: Db): boolean {
  return db.prepare("SELECT 1 FROM meta WHERE key = 'rollups'").get() !== undefined;
}

/**
 * Makes a rollup again from every row of its table, in one `GROUP BY`: after a full rebuild this
 * costs a third of summing each session in as it is written. Keys are made as `add` makes them
 * (a JSON array of the group), so later writes land on the same rows.
 */
export function remakeRollup(db: Db, stored: StoredFactTable): void {
  const { table, sql, rollup } = stored;
  const dims = table.dimensions.map((d) => quoteIdent(d.name));
  const day = `(f.bucket - ((f.bucket % ${ROLLUP_DAY_MS}) + ${ROLLUP_DAY_MS}) % ${ROLLUP_DAY_MS})`;
  const groupBy = [day, ...ROLLUP_SESSION_COLUMNS.map((c) => `s.${c}`), ...dims.map((d) => `f.${d}`)];
  const sums = measureParts(table, 'f').map((part) => `SUM(${part})`);
  db.exec(`DELETE FROM ${rollup}`);
  db.exec(`INSERT INTO ${rollup} (${[ROLLUP_KEY, 'day', ...ROLLUP_SESSION_COLUMNS.map(rollupSessionColumn), ...dims, ...sumColumns(table), ROLLUP_ROWS].join(', ')})
    SELECT json_array(${groupBy.join(', ')}), ${[...groupBy, ...sums].join(', ')}, count(*)
    FROM ${sql} f JOIN sessions s ON s.key = ${sessionKeyOf('f')}
    GROUP BY ${groupBy.join(', ')}`);
}
