import { existsSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StoreTooNewError } from '../errors.js';
import { KEPT_TABLE_PREFIXES, SCHEMA, STORE_VERSION } from './schema.js';

/** A connection to the stats database. */
export type Db = Database.Database;

/** How long a writer waits for another process's transaction before failing (SQLITE_BUSY). */
const BUSY_TIMEOUT_MS = 30_000;

/** Error codes that mean the file is not a usable database (so it is set aside and rebuilt). */
const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** True when an error from better-sqlite3 says the database file is damaged. */
export function isDamaged(error: unknown): boolean {
  return DAMAGED.has((error as { code?: string })?.code ?? '');
}

/** The native module, loaded on first use so that commands that need no store never load it. */
let sqlite: { Database: typeof Database; options: Database.Options } | undefined;
function loadSqlite(): NonNullable<typeof sqlite> {
  if (sqlite) return sqlite;
  const require = createRequire(import.meta.url);
  // Its own build of the addon is handed over by path: the default lookup (the `bindings` package)
  // tries a dozen places and cost every command ~3 ms. Anywhere else, that lookup finds it.
  const built = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
  const options: Database.Options = { timeout: BUSY_TIMEOUT_MS, ...(existsSync(built) ? { nativeBinding: built } : {}) };
  return (sqlite = { Database: require('better-sqlite3') as typeof Database, options });
}

/** Opens with WAL (readers never block the writer), a busy timeout, and the schema brought up to date. */
function openAndMigrate(file: string): Db {
  const { Database: SqliteDatabase, options } = loadSqlite();
  const db = new SqliteDatabase(file, options);
  try {
    db.pragma('journal_mode = WAL');
    // No fsync: a killed process loses nothing SQLite wrote (the OS has it); only a power loss can
    // damage the file, and a damaged store is set aside and rebuilt from the reports.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -8192');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > STORE_VERSION) throw new StoreTooNewError(file, version, STORE_VERSION);
    if (version < STORE_VERSION) {
      db.transaction(() => {
        // Another process may have made the schema while this one waited for the write lock.
        if ((db.pragma('user_version', { simple: true }) as number) >= STORE_VERSION) return;
        // A cache: an older store's tables go, and every report is read again into the new ones.
        // The import state and the warehouse's push records are not the cache's: their tables stay.
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
        for (const name of tables) if (!KEPT_TABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) db.exec(`DROP TABLE "${name.replace(/"/g, '""')}"`);
        db.exec(SCHEMA);
        db.pragma(`user_version = ${STORE_VERSION}`);
      }).immediate();
    }
    db.prepare('SELECT count(*) FROM sessions').get();
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens the stats database, creating it when missing. A damaged file (not a database, or corrupt) is
 * renamed aside with a warning naming both files, and a new one is made: the store is a cache of the
 * reports, and the import state it also holds can be made again by importing from the start, so
 * nothing is lost. A database from a newer rad is refused (StoreTooNewError).
 */
export function openDatabase(file: string, warn: (message: string) => void): Db {
  try {
    return openAndMigrate(file);
  } catch (error) {
    if (!isDamaged(error)) throw error;
    const aside = `${file}.damaged-${Date.now()}`;
    renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    warn(`${file} is damaged (${(error as Error).message}); it was moved to ${aside} and is rebuilt from the session reports (imports read the agents' logs again from the start, counting nothing twice).`);
    return openAndMigrate(file);
  }
}
