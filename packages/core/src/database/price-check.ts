import type { Db } from './open-database.js';

const get = (db: Db, key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
const set = (db: Db, key: string, value: string) => db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);

/**
 * The workspace's price data (table version and every override, see SessionPriceData) the stored
 * sessions were last checked against, in `meta`; undefined before the first check of this store.
 */
export function checkedPriceData(db: Db): string | undefined {
  return get(db, 'prices');
}

/** Records that every stored session was checked against this price data. */
export function setCheckedPriceData(db: Db, version: string): void {
  set(db, 'prices', version);
}

/** Sessions that were priced with other price data and could not be re-priced, warned about at every check. */
export function keptPriceSessions(db: Db): string[] {
  return JSON.parse(get(db, 'prices_kept') ?? '[]') as string[];
}

/** Remembers the sessions that could not be re-priced (written only when they changed). */
export function setKeptPriceSessions(db: Db, ids: readonly string[]): void {
  const value = JSON.stringify([...ids].sort());
  if (value !== (get(db, 'prices_kept') ?? '[]')) set(db, 'prices_kept', value);
}

/**
 * Sessions a change of price data may concern: those with a report that is not re-folded at every
 * read (live ones are) and was priced by rad (legacy reports keep the original Radium's costs).
 */
export function repricingCandidates(db: Db): string[] {
  return db.prepare("SELECT id FROM sessions WHERE report_size IS NOT NULL AND status <> 'live' AND source <> 'legacy' ORDER BY start_ms").pluck().all() as string[];
}
