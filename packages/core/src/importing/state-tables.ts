import { RadiumError } from '../errors.js';
import type { Db } from '../database/open-database.js';

/**
 * Version of the import state tables in the stats store, kept in `import_meta` apart from the
 * store's own version: the stats cache is remade when its version changes, and these tables are
 * kept through that (`open-database.ts` keeps every `import_*` table). An older layout is dropped
 * and made again, which imports every session again from the start, once (as a lost state does).
 */
export const IMPORT_TABLES_VERSION = 1;

const TABLES = ['import_files', 'import_sessions', 'import_claims', 'import_pending_claims'] as const;

/** The import state tables at IMPORT_TABLES_VERSION. */
const SCHEMA = `
  CREATE TABLE import_files (            -- what the last run knew about one source file
    importer TEXT NOT NULL,
    path TEXT NOT NULL,                  -- real path
    grp TEXT NOT NULL,                   -- session group the file belongs to
    size INTEGER NOT NULL,               -- size, modification time and inode when last read
    mtime_ms REAL NOT NULL,
    ino REAL NOT NULL,                   -- a JS number, kept exactly whatever its size
    consumed INTEGER NOT NULL,           -- bytes consumed, up to the end of the last complete line
    head TEXT NOT NULL,                  -- sha1 of the first and last consumed kilobyte
    tail TEXT NOT NULL,
    skipped TEXT,                        -- why the file was skipped, kept while it is unchanged
    scope TEXT,                          -- workspace (or *) the skip was decided for
    rebuild INTEGER,                     -- 1: skipped after its session was imported; a change rebuilds the session
    last_ts TEXT,                        -- last record of a session --since left out
    parser TEXT,                         -- JSON: the importer's state to resume from
    PRIMARY KEY (importer, path)
  ) STRICT;
  CREATE TABLE import_sessions (         -- what the last run wrote for one session group
    importer TEXT NOT NULL,
    grp TEXT NOT NULL,
    id TEXT NOT NULL,                    -- session id
    body_size INTEGER NOT NULL,          -- journal bytes before its session.end line
    journal_size INTEGER NOT NULL,       -- journal bytes in all: another size means the journal changed
    first_ts TEXT NOT NULL,
    last_ts TEXT NOT NULL,
    PRIMARY KEY (importer, grp)
  ) STRICT, WITHOUT ROWID;
  CREATE TABLE import_claims (           -- which session group holds each de-duplication key
    importer TEXT NOT NULL,
    key TEXT NOT NULL,                   -- exactly as the importer gave it, compared byte for byte
    grp TEXT NOT NULL,
    PRIMARY KEY (importer, key)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX import_claims_group ON import_claims (importer, grp);
  -- Keys a group claimed, saved with the group, that are not in import_claims yet: moved there in
  -- key order at the end of the run (or, after an interrupted run, at the start of the next one).
  -- Keys are random, so writing them into import_claims one group at a time would touch a page of
  -- its b-tree per key in every group's transaction. Rows are only appended: a run saves each
  -- group once, and starts with none.
  CREATE TABLE import_pending_claims (
    importer TEXT NOT NULL,
    grp TEXT NOT NULL,
    keys TEXT NOT NULL                   -- JSON array of the keys, exactly as the importer gave them
  ) STRICT;
`;

/** The stats store holds import state tables of a newer rad. */
export class ImportStateTooNewError extends RadiumError {
  override name = 'ImportStateTooNewError';
  constructor(file: string, version: number) {
    super(`${file} holds import state written by a newer rad (version ${version}; this rad knows up to ${IMPORT_TABLES_VERSION}): upgrade rad, or delete the file to import every session again.`);
  }
}

function storedVersion(db: Db): number | undefined {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_meta'").get() !== undefined;
  if (!hasMeta) return undefined;
  const value = db.prepare("SELECT value FROM import_meta WHERE key = 'version'").pluck().get() as string | undefined;
  return value === undefined ? undefined : Number(value);
}

/** Makes the import state tables when missing (or of an older layout); refuses ones of a newer rad. */
export function ensureImportTables(db: Db, file: string): void {
  const version = storedVersion(db);
  if (version === IMPORT_TABLES_VERSION) return;
  if (version !== undefined && version > IMPORT_TABLES_VERSION) throw new ImportStateTooNewError(file, version);
  db.transaction(() => {
    // Another process may have made them while this one waited for the write lock.
    const now = storedVersion(db);
    if (now !== undefined && now >= IMPORT_TABLES_VERSION) return;
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    db.exec('CREATE TABLE IF NOT EXISTS import_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    db.exec(SCHEMA);
    db.prepare("INSERT OR REPLACE INTO import_meta (key, value) VALUES ('version', ?)").run(String(IMPORT_TABLES_VERSION));
  }).immediate();
}
