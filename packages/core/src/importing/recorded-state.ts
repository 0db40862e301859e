import { existsSync } from 'node:fs';
import { openDatabase, type Db } from '../database/open-database.js';
import type { RecordedStamp } from './state-store.js';
import { generationKey, generationOf } from './state-generation.js';
import { IMPORT_TABLES_VERSION } from './state-tables.js';

interface StampRow {
  path: string;
  size: number;
  mtime_ms: number;
  ino: number;
  skipped: string | null;
  scope: string | null;
  rebuild: number | null;
  last_ts: string | null;
}

const settledKey = (importer: string) => `settled:${importer}`;

/**
 * One importer's recorded state as "is anything new?" reads it (without the import lock, and
 * without making a store that is not there): the stamps of its files, and a note of the last log
 * listing found to hold nothing new. The note is `<state generation> <digest of the listing>`, so it
 * holds only while the state is the one the listing was compared against (every state write bumps
 * the generation): a view then reads one row instead of every file's.
 */
export class RecordedState {
  private generation = '0';

  private constructor(
    private readonly db: Db,
    private readonly importer: string,
  ) {}

  /** The state of `importer` in the store, or undefined when there is no store or no import tables of this version. */
  static open(databaseFile: string, importer: string, warn: (message: string) => void): RecordedState | undefined {
    if (!existsSync(databaseFile)) return undefined;
    let db: Db;
    try {
      db = openDatabase(databaseFile, warn);
    } catch {
      // The command that answers opens the store too, and says what is wrong with it.
      return undefined;
    }
    const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'import_meta'").get() !== undefined;
    if (hasTables && db.prepare("SELECT value FROM import_meta WHERE key = 'version'").pluck().get() === String(IMPORT_TABLES_VERSION)) return new RecordedState(db, importer);
    db.close();
    return undefined;
  }

  /** True when `digest` is the listing last found settled, against the state as it is now. */
  settled(digest: string): boolean {
    return this.db.transaction(() => {
      const note = this.db.prepare('SELECT value FROM import_meta WHERE key = ?').pluck().get(settledKey(this.importer));
      return note === `${generationOf(this.db, this.importer)} ${digest}`;
    })();
  }

  /** The stamps of the files the importer's runs recorded, by real path (read in one transaction, with the state's generation). */
  stamps(): Map<string, RecordedStamp> {
    const out = new Map<string, RecordedStamp>();
    this.db.transaction(() => {
      this.generation = generationOf(this.db, this.importer);
      const rows = this.db.prepare('SELECT path, size, mtime_ms, ino, skipped, scope, rebuild, last_ts FROM import_files WHERE importer = ?').iterate(this.importer) as IterableIterator<StampRow>;
      for (const r of rows) {
        const stamp: RecordedStamp = { size: r.size, mtimeMs: r.mtime_ms, ino: r.ino };
        if (r.skipped !== null) stamp.skipped = r.skipped;
        if (r.scope !== null) stamp.scope = r.scope;
        if (r.rebuild) stamp.rebuild = true;
        if (r.last_ts !== null) stamp.lastTs = r.last_ts;
        out.set(r.path, stamp);
      }
    })();
    return out;
  }

  /**
   * Notes `digest` as a listing with nothing new against the state `stamps` read, unless the state
   * changed since. Best effort: a busy or read-only store only costs the next view a full comparison.
   */
  noteSettled(digest: string): void {
    try {
      this.db.pragma('busy_timeout = 100');
      this.db
        .prepare("INSERT OR REPLACE INTO import_meta (key, value) SELECT ?, ? WHERE coalesce((SELECT value FROM import_meta WHERE key = ?), '0') = ?")
        .run(settledKey(this.importer), `${this.generation} ${digest}`, generationKey(this.importer), this.generation);
    } catch {
      // See above.
    }
  }

  /** Closes the connection. */
  close(): void {
    this.db.close();
  }
}
