import type { Statement } from 'better-sqlite3';
import type { Db } from '../database/open-database.js';

// Every write to an importer's state bumps its generation in the same transaction, so that a note
// taken against the state (a listing found settled, `settled-listing.ts`) holds only for the state
// it was taken against. Kept in `import_meta`, which is made with the import tables.

/** The `import_meta` key of the importer's state generation. */
export const generationKey = (importer: string) => `generation:${importer}`;

// Prepared once per connection: an import bumps the generation once per session group, and
// preparing the statement each time cost more than running it (0.1 ms, 2,000 times).
const bumps = new WeakMap<Db, Statement<[string]>>();

/** Bumps the importer's state generation; call inside the transaction that writes its state. */
export function bumpGeneration(db: Db, importer: string): void {
  let bump = bumps.get(db);
  if (!bump) {
    bump = db.prepare<[string]>("INSERT INTO import_meta (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)");
    bumps.set(db, bump);
  }
  bump.run(generationKey(importer));
}

/** The importer's state generation (`0` when its state was never written). */
export function generationOf(db: Db, importer: string): string {
  return (db.prepare('SELECT value FROM import_meta WHERE key = ?').pluck().get(generationKey(importer)) as string | undefined) ?? '0';
}
