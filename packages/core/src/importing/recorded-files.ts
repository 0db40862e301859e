import { readFileSync } from 'node:fs';
import type { Host } from '../host/create-host.js';
import { IMPORT_STATE_VERSION, importStateFile } from './state.js';
import { RecordedState } from './recorded-state.js';

/** What the last import run recorded about one source file, as far as telling "is anything new?" needs. */
export interface RecordedFile {
  /** Size when last seen. */
  size: number;
  /** Modification time when last seen. */
  mtimeMs: number;
  /** Inode when last seen. */
  ino: number;
  /**
   * `read`: its bytes are in a session (or, skipped after its session was imported, it waits to be
   * read again once it changes); `skipped`: left out unread, for `scope` only; `since`: left out
   * only by `--since`, so a run without it reads the file.
   */
  status: 'read' | 'skipped' | 'since';
  /** For `skipped`: the scope the decision holds for (the workspace root, or `*` for every project); absent when unknown. */
  scope?: string;
}

/** The fields of a recorded file (an entry of the import state) that `toRecordedFile` looks at. */
export interface RecordedStampFields {
  size: number;
  mtimeMs: number;
  ino: number;
  skipped?: string | undefined;
  scope?: string | undefined;
  rebuild?: true | undefined;
  lastTs?: string | undefined;
}

/** What a file's entry in the import state means for "is anything new?". */
export function toRecordedFile(entry: RecordedStampFields): RecordedFile {
  const status = entry.skipped === undefined || entry.rebuild === true ? 'read' : entry.lastTs !== undefined ? 'since' : 'skipped';
  return { size: entry.size, mtimeMs: entry.mtimeMs, ino: entry.ino, status, ...(status === 'skipped' && entry.scope !== undefined ? { scope: entry.scope } : {}) };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The recorded files of one importer, as "is anything new?" reads them, and the note of a listing found to hold nothing new. */
export interface RecordedSource {
  /** True when the listing with this digest was found settled against the recorded state as it is now. */
  settled(digest: string): boolean;
  /** The recorded files by real path; empty when nothing is recorded (every file then counts as new). */
  files(): ReadonlyMap<string, RecordedFile>;
  /** Notes the listing with this digest as settled against the state `files` returned. */
  noteSettled(digest: string): void;
  /** Releases what it holds open. */
  close(): void;
}

/** A JSON state file of an earlier rad: the next import moves it into the store, so nothing is noted. */
function jsonSource(raw: unknown, importer: string): RecordedSource {
  const out = new Map<string, RecordedFile>();
  if (isObject(raw) && raw.version === IMPORT_STATE_VERSION && raw.importer === importer && isObject(raw.files)) {
    for (const [file, entry] of Object.entries(raw.files)) {
      if (!isObject(entry) || typeof entry.size !== 'number' || typeof entry.mtimeMs !== 'number' || typeof entry.ino !== 'number') continue;
      out.set(
        file,
        toRecordedFile({
          size: entry.size,
          mtimeMs: entry.mtimeMs,
          ino: entry.ino,
          skipped: typeof entry.skipped === 'string' ? entry.skipped : undefined,
          scope: typeof entry.scope === 'string' ? entry.scope : undefined,
          rebuild: entry.rebuild === true ? true : undefined,
          lastTs: typeof entry.lastTs === 'string' ? entry.lastTs : undefined,
        }),
      );
    }
  }
  return recordedOnly(out);
}

/** Recorded files and no note of a settled listing (nothing to note it in, or nothing recorded). */
const recordedOnly = (files: ReadonlyMap<string, RecordedFile>): RecordedSource => ({ settled: () => false, files: () => files, noteSettled: () => {}, close: () => {} });

/**
 * The source files the last runs of an importer recorded in this workspace. Reads the import state
 * only (its tables in the stats store, or the JSON file of an earlier rad the next import moves
 * there), never a source file; a state this version cannot read records nothing.
 */
export function recordedSource(host: Host, importer: string): RecordedSource {
  try {
    // Parsed without the state's schema: this runs before every view, and a state is checked in full when an import loads it.
    return jsonSource(JSON.parse(readFileSync(importStateFile(host.paths.importsDir, importer), 'utf8')), importer);
  } catch {
    // No JSON state: the state is in the store.
  }
  const state = RecordedState.open(host.paths.databaseFile, importer, host.warnings.warn);
  if (!state) return recordedOnly(new Map());
  return {
    settled: (digest) => state.settled(digest),
    files: () => {
      const out = new Map<string, RecordedFile>();
      for (const [file, stamp] of state.stamps()) out.set(file, toRecordedFile(stamp));
      return out;
    },
    noteSettled: (digest) => state.noteSettled(digest),
    close: () => state.close(),
  };
}
