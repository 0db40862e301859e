import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from '../database/open-database.js';
import type { ClaimRegistry, SavedClaims } from './claims.js';
import type { ImportedFile, ImportState, JsonImportState } from './state.js';
import { bumpGeneration } from './state-generation.js';
import { ensureImportTables } from './state-tables.js';

/** What telling "is anything new?" needs of a recorded file: no hashes, no parser state. */
export type RecordedStamp = Pick<ImportedFile, 'size' | 'mtimeMs' | 'ino' | 'skipped' | 'scope' | 'rebuild' | 'lastTs'>;

interface FileRow {
  path: string;
  grp: string;
  size: number;
  mtime_ms: number;
  ino: number;
  consumed: number;
  head: string;
  tail: string;
  skipped: string | null;
  scope: string | null;
  rebuild: number | null;
  last_ts: string | null;
  parser: string | null;
}

interface SessionRow {
  grp: string;
  id: string;
  body_size: number;
  journal_size: number;
  first_ts: string;
  last_ts: string;
}

function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

function toFile(row: FileRow): ImportedFile {
  return {
    group: row.grp,
    size: row.size,
    mtimeMs: row.mtime_ms,
    ino: row.ino,
    offset: row.consumed,
    head: row.head,
    tail: row.tail,
    ...optional('skipped', row.skipped),
    ...optional('scope', row.scope),
    ...(row.rebuild ? { rebuild: true as const } : {}),
    ...optional('lastTs', row.last_ts),
    ...(row.parser === null ? {} : { parser: JSON.parse(row.parser) as unknown }),
  };
}

/**
 * One importer's state in the stats store (`state-tables.ts`): loaded whole at the start of a run
 * except the de-duplication keys, which are looked up one by one; written one session group at a
 * time, each group in one `BEGIN IMMEDIATE` transaction.
 */
export class ImportStateStore {
  private readonly putFile: Statement;
  private readonly deleteFile: Statement;
  private readonly putSession: Statement;
  private readonly deleteSession: Statement;
  private readonly putPending: Statement;
  private readonly deleteClaims: Statement;
  private readonly findClaim: Statement;

  private constructor(
    private readonly db: Db,
    /** The importer whose state this is. */
    readonly importer: string,
  ) {
    this.putFile = db.prepare(
      'INSERT OR REPLACE INTO import_files (importer, path, grp, size, mtime_ms, ino, consumed, head, tail, skipped, scope, rebuild, last_ts, parser) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.deleteFile = db.prepare('DELETE FROM import_files WHERE importer = ? AND path = ?');
    this.putSession = db.prepare('INSERT OR REPLACE INTO import_sessions (importer, grp, id, body_size, journal_size, first_ts, last_ts) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.deleteSession = db.prepare('DELETE FROM import_sessions WHERE importer = ? AND grp = ?');
    this.putPending = db.prepare('INSERT INTO import_pending_claims (importer, grp, keys) VALUES (?, ?, ?)');
    this.deleteClaims = db.prepare('DELETE FROM import_claims WHERE importer = ? AND grp = ?');
    this.findClaim = db.prepare('SELECT grp FROM import_claims WHERE importer = ? AND key = ?').pluck();
  }

  /**
   * Opens the stats store (creating it and the import tables when missing), with the keys an
   * interrupted run saved but did not index moved into the index.
   */
  static open(databaseFile: string, importer: string, warn: (message: string) => void): ImportStateStore {
    mkdirSync(path.dirname(databaseFile), { recursive: true });
    const db = openDatabase(databaseFile, warn);
    try {
      ensureImportTables(db, databaseFile);
      const store = new ImportStateStore(db, importer);
      store.indexClaims();
      return store;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** The importer's files and sessions as the last runs left them. */
  load(): ImportState {
    const state: ImportState = { importer: this.importer, files: {}, sessions: {} };
    for (const row of this.db.prepare('SELECT * FROM import_files WHERE importer = ?').iterate(this.importer) as IterableIterator<FileRow>) {
      state.files[row.path] = toFile(row);
    }
    for (const row of this.db.prepare('SELECT * FROM import_sessions WHERE importer = ?').iterate(this.importer) as IterableIterator<SessionRow>) {
      state.sessions[row.grp] = { id: row.id, bodySize: row.body_size, journalSize: row.journal_size, firstTs: row.first_ts, lastTs: row.last_ts };
    }
    return state;
  }

  /** The keys earlier runs saved, looked up one by one (no lookup at all when none is saved, as in a first import). */
  savedClaims(): SavedClaims {
    const any = this.db.prepare('SELECT 1 FROM import_claims WHERE importer = ? LIMIT 1').get(this.importer) !== undefined;
    if (!any) return { owner: () => undefined };
    return { owner: (key) => this.findClaim.get(this.importer, key) as string | undefined };
  }

  private writeFile(file: string, f: ImportedFile): void {
    const parser = f.parser === undefined ? null : JSON.stringify(f.parser);
    this.putFile.run(this.importer, file, f.group, f.size, f.mtimeMs, f.ino, f.offset, f.head, f.tail, f.skipped ?? null, f.scope ?? null, f.rebuild ? 1 : null, f.lastTs ?? null, parser ?? null);
  }

  private writeSession(group: string, state: ImportState): boolean {
    const s = state.sessions[group];
    if (s) this.putSession.run(this.importer, group, s.id, s.bodySize, s.journalSize, s.firstTs, s.lastTs);
    else this.deleteSession.run(this.importer, group);
    return s !== undefined;
  }

  /**
   * Saves one session group as the run left it, in one transaction: its files (`files`: every path
   * the group's run may have recorded or forgotten), its session and the keys it claimed in this run
   * (as one pending row, indexed by `indexClaims`). A group left without a session keeps no keys in
   * the store (keys of a session `--since` left out stay in the registry for the rest of the run only).
   */
  saveGroup(group: string, files: Iterable<string>, state: ImportState, claims: ClaimRegistry): void {
    this.db
      .transaction(() => {
        for (const file of files) {
          const f = state.files[file];
          if (f) this.writeFile(file, f);
          else this.deleteFile.run(this.importer, file);
        }
        const kept = this.writeSession(group, state);
        if (!kept || claims.releasedSaved(group)) this.deleteClaims.run(this.importer, group);
        const keys = claims.unsaved(group);
        if (kept && keys.length > 0) this.putPending.run(this.importer, group, JSON.stringify(keys));
        bumpGeneration(this.db, this.importer);
      })
      .immediate();
    claims.markSaved(group);
  }

  /**
   * Moves the keys groups saved since the last call into the index `import_claims`, in one
   * transaction and in key order (so each page of its b-tree is written once), at the end of a
   * run. Lookups in the run itself need none of them: the registry holds the keys it claimed.
   */
  indexClaims(): void {
    const pending = this.db.prepare('SELECT 1 FROM import_pending_claims WHERE importer = ? LIMIT 1').get(this.importer) !== undefined;
    if (!pending) return;
    this.db
      .transaction(() => {
        // REPLACE: a key whose owner was dropped in a run belongs to the group that claimed it since.
        this.db
          .prepare(
            'INSERT OR REPLACE INTO import_claims (importer, key, grp) SELECT p.importer, k.value, p.grp FROM import_pending_claims p, json_each(p.keys) k WHERE p.importer = ? ORDER BY k.value',
          )
          .run(this.importer);
        this.db.prepare('DELETE FROM import_pending_claims WHERE importer = ?').run(this.importer);
      })
      .immediate();
  }

  /** Replaces the importer's whole state (moving a JSON state file of an earlier rad in), in one transaction. */
  replace(json: JsonImportState): void {
    this.db
      .transaction(() => {
        for (const table of ['import_files', 'import_sessions', 'import_claims', 'import_pending_claims']) this.db.prepare(`DELETE FROM ${table} WHERE importer = ?`).run(this.importer);
        for (const [file, f] of Object.entries(json.files)) this.writeFile(file, f);
        for (const group of Object.keys(json.sessions)) this.writeSession(group, json);
        const claim = this.db.prepare('INSERT OR IGNORE INTO import_claims (importer, key, grp) VALUES (?, ?, ?)');
        for (const [group, keys] of Object.entries(json.claims)) if (json.sessions[group]) for (const key of keys) claim.run(this.importer, key, group);
        bumpGeneration(this.db, this.importer);
      })
      .immediate();
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
