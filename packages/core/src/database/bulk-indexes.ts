import { bucketIndex, type StoredFactTable } from './fact-tables.js';
import type { Db } from './open-database.js';
import { SESSION_INDEXES, type IndexDef } from './schema.js';

// A bulk write (a rebuild) inserts sessions in the order the folder lists them, which is no order
// of time: each insert would land somewhere else in the indexes by time, touching a page the cache
// no longer holds (a rebuild of 100,000 sessions made 4.4 million writes to the WAL). So it drops them while
// it inserts and makes them at its end, which sorts once. Its mark (`rollups` in meta) stays until
// then: a sync that finds it (the write killed, or another process's) makes them again too.

/** The indexes a bulk write makes after its inserts. */
function bulkIndexes(tables: readonly StoredFactTable[]): IndexDef[] {
  return [...SESSION_INDEXES, ...tables.map(bucketIndex)];
}

/** Drops the indexes a bulk write makes after its inserts; in its first transaction. */
export function dropBulkIndexes(db: Db, tables: readonly StoredFactTable[]): void {
  for (const index of bulkIndexes(tables)) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
}

/** Makes the indexes a bulk write dropped, where they are missing. */
export function makeBulkIndexes(db: Db, tables: readonly StoredFactTable[]): void {
  // The sorter keeps up to the page cache's size in memory: a small cache keeps a rebuild's peak
  // memory low, and sorted as fast (1.0 s against 1.5 s for 1.7 million rows, measured).
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -2048');
  try {
    for (const index of bulkIndexes(tables)) db.exec(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${index.on}`);
  } finally {
    db.pragma(`cache_size = ${cache}`);
  }
}
