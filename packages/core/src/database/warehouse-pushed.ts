import type { FactRow } from '../plugin/facts.js';
import { ROWS_PER_SESSION, type StoredFactTable } from './fact-tables.js';
import type { Db } from './open-database.js';
import type { SessionRow } from './session-row.js';

/**
 * What `rad stats push` last sent of each session to each warehouse: the session's stamp then. Not
 * the cache's (kept when the store's schema version changes, like the import state); lost, it costs
 * one push of every session again, which the warehouse's versioned rows count once.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS warehouse_pushed (
    target TEXT NOT NULL,                -- warehouse host, port and database (never credentials)
    session_id TEXT NOT NULL,
    stamp TEXT NOT NULL,                 -- the session's stamp when pushed: another stamp means it may have changed
    digest TEXT NOT NULL,                -- hash of the rows pushed: a session whose files were rewritten with the same rows is not sent again
    version INTEGER NOT NULL,            -- the row version it was pushed with (push time, epoch ms)
    PRIMARY KEY (target, session_id)
  ) STRICT, WITHOUT ROWID;
`;

/** A stored session as the warehouse gets it. */
export interface PushSession extends Pick<SessionRow, 'id' | 'agent_session_id' | 'source' | 'agent' | 'project' | 'start_ms' | 'end_ms' | 'status' | 'wall_ms'> {
  key: number;
  /** What the session was read from and by which plugins: it changes whenever the session's rows may. */
  stamp: string;
  /** Digest of the rows last pushed of it, if ever. */
  pushed_digest: string | null;
  /** The row version it was last pushed with, if ever. */
  pushed_version: number | null;
}

/** Makes the table when missing. */
export function ensurePushedTable(db: Db): void {
  db.exec(SCHEMA);
}

// The plugins' fingerprint is part of the stamp: other plugins (or versions) make other facts from the same files.
const STAMP = `json_array(s.report_size, s.report_mtime_ms, s.journal_size, s.journal_mtime_ms, s.status, s.end_ms, (SELECT value FROM meta WHERE key = 'plugins'))`;

/** Stored sessions new or changed since they were last pushed to `target`, oldest first. */
export function sessionsToPush(db: Db, target: string): PushSession[] {
  ensurePushedTable(db);
  return db
    .prepare(
      `SELECT s.key, s.id, s.agent_session_id, s.source, s.agent, s.project, s.start_ms, s.end_ms, s.status, s.wall_ms, ${STAMP} AS stamp, p.digest AS pushed_digest, p.version AS pushed_version
       FROM sessions s LEFT JOIN warehouse_pushed p ON p.target = ? AND p.session_id = s.id
       WHERE p.stamp IS NULL OR p.stamp <> ${STAMP}
       ORDER BY s.start_ms, s.id`,
    )
    .all(target) as PushSession[];
}

/** The fact rows of these sessions (by key) in one table, each with its session's key. */
export function factRowsOf(db: Db, table: StoredFactTable, keys: readonly number[]): { sessionKey: number; row: FactRow }[] {
  const select = db.prepare(`SELECT * FROM ${table.sql} WHERE id >= ? AND id < ? ORDER BY id`);
  const out: { sessionKey: number; row: FactRow }[] = [];
  for (const key of keys) {
    for (const raw of select.all(key * ROWS_PER_SESSION, (key + 1) * ROWS_PER_SESSION) as Record<string, string | number | null>[]) {
      const { id: _id, ...row } = raw;
      out.push({ sessionKey: key, row: row as FactRow });
    }
  }
  return out;
}

/** A session as pushed: its stamp, the digest of its rows and the version they carry. */
export interface PushedSession {
  id: string;
  stamp: string;
  digest: string;
  version: number;
}

/** Records in one transaction that these sessions are in the warehouse `target` as given. */
export function recordPushed(db: Db, target: string, sessions: readonly PushedSession[]): void {
  ensurePushedTable(db);
  const upsert = db.prepare('INSERT OR REPLACE INTO warehouse_pushed (target, session_id, stamp, digest, version) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const s of sessions) upsert.run(target, s.id, s.stamp, s.digest, s.version);
  }).immediate();
}

/** How many sessions the store records as pushed to `target`. */
export function pushedCount(db: Db, target: string): number {
  ensurePushedTable(db);
  return db.prepare('SELECT count(*) FROM warehouse_pushed WHERE target = ?').pluck().get(target) as number;
}
