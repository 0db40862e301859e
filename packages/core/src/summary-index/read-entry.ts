import { existsSync } from 'node:fs';
import { CorruptFileError, RadiumError } from '../errors.js';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import { readReportText } from '../store/read-report.js';
import type { ReportStore } from '../store/report-store.js';
import type { BrokenEntry } from './manifest.js';
import type { Row } from './rows.js';
import { fileStamp, type FileStamp } from './stamps.js';
import { summarizeReport } from '../database/summary.js';

/** What reading one report file gave: a row, a broken entry, or nothing (the file went away). */
export type EntryResult = { row: Row } | { broken: BrokenEntry } | { gone: true };

/**
 * Reads one report file into a row with `toRow`: a missing file is gone, one that cannot be read
 * is a broken entry (or, when it is there but not usable and has a journal, one to rebuild from the
 * journal). The file is read synchronously: a few KB, where the thread-pool round trip of an async
 * read would cost more than the read itself.
 */
export function readRow(file: string, id: string, nowMs: number, warn: (m: string) => void, toRow: (stamp: FileStamp, text: string) => TextResult, hasJournal: (id: string) => boolean): TextResult {
  let read: ReturnType<typeof readReportText>;
  try {
    read = readReportText(file, nowMs);
  } catch (error) {
    const stamp = fileStamp(file, nowMs) ?? { size: 0, mtimeMs: -1 };
    if (error instanceof RadiumError) return unusable(id, error, stamp, warn, hasJournal);
    return broken(id, stamp, `${file} could not be read (${(error as Error).message}); it was skipped.`, warn);
  }
  return read ? toRow(read.stamp, read.text) : { gone: true };
}

/**
 * Reads one report into a row with the store; a corrupt report with a journal is rebuilt from the
 * journal, as loading it would. `fast`: a bulk read (see parseReportText).
 */
export async function readEntry(store: ReportStore, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, nowMs: number, fast = false): Promise<EntryResult> {
  const result = readRow(store.paths.reportFile(id), id, nowMs, warn, (stamp, text) => storeRow(store, plugins, warn, id, stamp, text, fast), journalOf(store));
  return 'refold' in result ? refoldEntry(store, plugins, warn, id, result.stamp, result.refold.message) : result;
}

/** A report's text as a row, a broken entry (warned about), or a corrupt report whose journal can stand in for it. */
export type TextResult = EntryResult | { refold: RadiumError; stamp: FileStamp };

/** Turns a report's text into a row with `parse` (the store's, or a build thread's equal). */
export function rowFromText(parse: (id: string, text: string) => SessionReport, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, stamp: FileStamp, text: string, hasJournal: (id: string) => boolean): TextResult {
  let report: SessionReport;
  try {
    report = parse(id, text);
  } catch (error) {
    if (!(error instanceof RadiumError)) throw error;
    return unusable(id, error, stamp, warn, hasJournal);
  }
  return { row: { id, size: stamp.size, mtimeMs: stamp.mtimeMs, summary: summarizeReport(report, plugins, warn) } };
}

/** A report that cannot be used: one to rebuild from its journal when it is corrupt and has one, else a broken entry. */
function unusable(id: string, error: RadiumError, stamp: FileStamp, warn: (m: string) => void, hasJournal: (id: string) => boolean): TextResult {
  if (error instanceof CorruptFileError && hasJournal(id)) return { refold: error, stamp };
  return broken(id, stamp, error.message, warn);
}

/** As unusable, with the store to rebuild from the journal (a file the read-ahead thread found unusable). */
export async function unusableEntry(store: ReportStore, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, error: RadiumError, stamp: FileStamp): Promise<EntryResult> {
  const result = unusable(id, error, stamp, warn, journalOf(store));
  return 'refold' in result ? refoldEntry(store, plugins, warn, id, stamp, error.message) : result;
}

const journalOf = (store: ReportStore) => (id: string) => existsSync(store.paths.journalFile(id));

/** A corrupt report that has a journal, rebuilt from the journal as loading it would; broken if that fails too. */
export async function refoldEntry(store: ReportStore, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, stamp: FileStamp, message: string): Promise<EntryResult> {
  const loaded = await store.tryLoadEntry({ id, report: stamp, journal: stamp });
  if (!loaded) return broken(id, stamp, message, () => {});
  return { row: { id, size: stamp.size, mtimeMs: stamp.mtimeMs, summary: summarizeReport(loaded, plugins, warn) } };
}

/** Turns a report's text into a row (`fast`: a bulk read); a corrupt report with a journal is rebuilt from the journal, as loading it would. */
export async function entryFromText(store: ReportStore, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, stamp: FileStamp, text: string, fast = false): Promise<EntryResult> {
  const result = storeRow(store, plugins, warn, id, stamp, text, fast);
  return 'refold' in result ? refoldEntry(store, plugins, warn, id, stamp, result.refold.message) : result;
}

function storeRow(store: ReportStore, plugins: readonly ActivePlugin[], warn: (m: string) => void, id: string, stamp: FileStamp, text: string, fast: boolean): TextResult {
  return rowFromText((i, t) => store.parseReport(i, t, fast), plugins, warn, id, stamp, text, journalOf(store));
}

/** A file the read-ahead thread could not read, as an entry. */
export function unreadable(file: string, id: string, code: string, warn: (m: string) => void): EntryResult {
  if (code === 'ENOENT') return { gone: true };
  return broken(id, { size: 0, mtimeMs: -1 }, `${file} could not be read (${code}); it was skipped.`, warn);
}

function broken(id: string, stamp: FileStamp, message: string, warn: (m: string) => void): EntryResult {
  warn(message);
  return { broken: { id, size: stamp.size, mtimeMs: stamp.mtimeMs, message } };
}
