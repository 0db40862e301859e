/** An index, by name and what it is on (`table (columns)`). */
export interface IndexDef {
  name: string;
  on: string;
}

/** The indexes of `sessions` that a bulk write makes after its inserts (see bulk-indexes.ts). */
export const SESSION_INDEXES: readonly IndexDef[] = [
  { name: 'sessions_history', on: 'sessions (start_ms DESC, id DESC)' },
  { name: 'sessions_agent_id', on: 'sessions (agent_session_id)' },
];

/**
 * The store's schema at version STORE_VERSION (`PRAGMA user_version`). The store is a cache of the
 * reports, so a database of an older version is not migrated step by step: its tables are dropped,
 * this schema is made, and every report is read again. One of a newer version is refused. Fact
 * tables are not here: they are made from the plugins' declarations (fact-tables.ts).
 */
export const SCHEMA = `
  CREATE TABLE sessions (
    key INTEGER PRIMARY KEY,             -- what fact rows refer to
    id TEXT NOT NULL UNIQUE,             -- file id: <id>.json / <id>.events.jsonl
    agent_session_id TEXT,               -- the agent's own id, for imported sessions
    source TEXT NOT NULL,                -- live, claude-code, codex, gemini, legacy, ...
    agent TEXT,
    project TEXT,                        -- workspace, or the imported session's working directory
    start_ms INTEGER NOT NULL,
    end_ms INTEGER,
    status TEXT NOT NULL,                -- ended, live, abandoned
    wall_ms INTEGER,
    report_size INTEGER,                 -- stamps of the files the row was read from
    report_mtime_ms REAL,
    journal_size INTEGER,
    journal_mtime_ms REAL
  ) STRICT;
  ${SESSION_INDEXES.map((i) => `CREATE INDEX ${i.name} ON ${i.on};`).join('\n  ')}
  -- What every sync re-reads whatever the folder's stamp says (sync.ts): found without a scan.
  CREATE INDEX sessions_unsettled ON sessions (id) WHERE status = 'live' OR report_size IS NULL;
  CREATE TABLE summaries (
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL                -- JSON: sections of the plugins without facts (version 1), for their merge
  ) STRICT;
  CREATE TABLE broken (                  -- sessions whose files cannot be read, warned about at every listing
    id TEXT PRIMARY KEY,
    report_size INTEGER,
    report_mtime_ms REAL,
    journal_size INTEGER,
    journal_mtime_ms REAL,
    message TEXT NOT NULL
  ) STRICT;
  CREATE TABLE fact_tables (
    name TEXT PRIMARY KEY,               -- SQL name of a fact table
    declaration TEXT NOT NULL            -- what it was made from, to remake it when that changes
  ) STRICT;
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
`;

/**
 * Tables whose names start with one of these are not the cache's and are kept when SCHEMA's version
 * changes: the import state (importing/state-tables.ts, versioned apart in its own `import_meta`) and
 * what was pushed to a team warehouse (warehouse-pushed.ts), neither of which the reports can give back.
 */
export const KEPT_TABLE_PREFIXES = ['import_', 'warehouse_'] as const;

/**
 * Version of SCHEMA, the newest this code reads. 1: the first store (sessions keyed by id, a summary
 * of every session); 2: integer session keys, fact rows found by id, rollups, summaries only for
 * plugins without facts; 3: an index of the sessions every sync re-reads (live, or folded from a journal alone).
 */
export const STORE_VERSION = 3;
