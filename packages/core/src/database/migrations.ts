/**
 * The store's schema, one numbered step per version (`PRAGMA user_version`). A database at an older
 * version runs the steps after it; one at a newer version is refused. Fact tables are not here:
 * they are made from the plugins' declarations (fact-tables.ts).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: sessions, their cached summaries, and bookkeeping.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,                 -- file id: <id>.json / <id>.events.jsonl
    agent_session_id TEXT,               -- the agent's own id, for imported sessions
    source TEXT NOT NULL,                 -- live, claude-code, codex, gemini, legacy, ...
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
  CREATE INDEX sessions_history ON sessions (start_ms DESC, id DESC);
  CREATE TABLE summaries (                -- kept apart so that scans of sessions stay small
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL                -- JSON: each plugin's summarized section (history cells, version 1 merges)
  ) STRICT;
  CREATE INDEX sessions_agent_id ON sessions (agent_session_id);
  CREATE TABLE broken (                -- sessions whose files cannot be read, warned about at every listing
    id TEXT PRIMARY KEY,
    report_size INTEGER,
    report_mtime_ms REAL,
    journal_size INTEGER,
    journal_mtime_ms REAL,
    message TEXT NOT NULL
  ) STRICT;
  CREATE TABLE fact_tables (
    name TEXT PRIMARY KEY,               -- SQL name of a fact table
    declaration TEXT NOT NULL            -- the declaration it was made from, to remake it when that changes
  ) STRICT;
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  `,
  // 2: sessions get an integer key that fact rows refer to (smaller rows, indexes appended in
  // order); summaries hold only what version 1 plugins need. Everything is read again.
  `
  DROP TABLE sessions;
  DROP TABLE summaries;
  DELETE FROM broken;
  DELETE FROM fact_tables;
  DELETE FROM meta;
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
  CREATE INDEX sessions_history ON sessions (start_ms DESC, id DESC);
  CREATE INDEX sessions_agent_id ON sessions (agent_session_id);
  CREATE TABLE summaries (
    id TEXT PRIMARY KEY,
    summary TEXT NOT NULL                -- JSON: sections of the plugins without facts (version 1), for their merge
  ) STRICT;
  `,
];

/** Schema version this code writes and the newest it reads. */
export const STORE_VERSION = MIGRATIONS.length;
