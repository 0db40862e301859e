import type { ActivePlugin } from '../report/fold.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import type { SessionReport } from '../report/schema.js';
import { UNSTAMPED, type ReportStore, type SessionEntry } from '../store/report-store.js';
import { dirStamp, fileStamp, isRacy, sameDir, type DirStamp } from './stamps.js';
import { throttledProgress, type ProgressListener } from './progress.js';
import type { Db } from './open-database.js';
import { reportFacts, sessionRow, SessionWriter } from './session-row.js';
import type { StoredFactTable } from './fact-tables.js';
import { remakeRollup, rollupsLag } from './rollup.js';
import { makeBulkIndexes } from './bulk-indexes.js';

/** What a sync needs. */
export interface SyncDeps {
  db: Db;
  reports: ReportStore;
  plugins: readonly ActivePlugin[];
  tables: readonly StoredFactTable[];
  warn: (message: string) => void;
  progress?: ProgressListener | undefined;
  now: () => number;
}

/** Sessions written per transaction: big enough to amortize the commit, small enough not to hold the write lock long. */
const BATCH = 2_000;

interface StoredStamps {
  id: string;
  status: string | null;
  report_size: number | null;
  report_mtime_ms: number | null;
  journal_size: number | null;
  journal_mtime_ms: number | null;
}

/**
 * True when a stored row was read from a report of an ended session: the report is then the whole
 * truth (loading never looks at the journal), so its journal is neither stamped nor compared.
 */
const endedReport = (stored: StoredStamps | undefined): boolean => stored?.status === 'ended' && stored.report_size !== null;

/** True when a stored row (or broken mark) was read from exactly these files, not too recently to trust their times. */
function unchanged(stored: StoredStamps | undefined, entry: SessionEntry, nowMs: number): boolean {
  if (!stored || stored.status === 'live') return false;
  const same = (size: number | null, mtime: number | null, stamp: SessionEntry['report']) =>
    stamp ? size === stamp.size && mtime === stamp.mtimeMs && !isRacy(stamp.mtimeMs, nowMs) : size === null;
  const report = same(stored.report_size, stored.report_mtime_ms, entry.report);
  return endedReport(stored) ? report && entry.report !== undefined : report && same(stored.journal_size, stored.journal_mtime_ms, entry.journal);
}

/** The stored sessions folder stamp, as JSON. */
function storedDirStampText(db: Db): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'sessions_dir'").get() as { value: string } | undefined;
  return row?.value;
}

/** Stored sessions a sync reads again even when the sessions folder is unchanged: live ones (always) and those folded from a journal alone (when it changed). */
const RECHECKED_WHERE = "WHERE status = 'live' OR report_size IS NULL";

/** Reads the stored sessions folder stamp. */
function storedDirStamp(db: Db): DirStamp | null {
  const text = storedDirStampText(db);
  return text === undefined ? null : (JSON.parse(text) as DirStamp);
}

/**
 * Brings the store up to date with the sessions folder: when the folder's entries may have changed,
 * lists it (names, sizes, modification times) and re-reads only what changed; rows of live
 * sessions are always re-read (they grow, and their recorder may have died). Corrupt or odd files
 * are remembered with their warning, which is repeated at every sync until they are fixed.
 */
export async function syncStore(deps: SyncDeps, force: boolean): Promise<void> {
  const { db, reports, plugins, tables, warn } = deps;
  const sessionsDir = reports.paths.sessionsDir;
  const dir = dirStamp(sessionsDir, deps.now());
  const stampsOf = (where: string) =>
    new Map((db.prepare(`SELECT id, status, report_size, report_mtime_ms, journal_size, journal_mtime_ms FROM sessions ${where}`).all() as StoredStamps[]).map((r) => [r.id, r]));
  const broken = new Map((db.prepare('SELECT id, NULL AS status, report_size, report_mtime_ms, journal_size, journal_mtime_ms, message FROM broken').all() as (StoredStamps & { message: string })[]).map((r) => [r.id, r]));
  let stamps: Map<string, StoredStamps>;
  let entries: SessionEntry[];
  if (!force && sameDir(storedDirStamp(db), dir)) {
    // Same entries as last time. What can still have changed without a new entry: live sessions
    // (their journals grow), sessions folded from a journal alone, and files that could not be read
    // (checked again, and warned about again). A report rewritten in place is checked when shown.
    stamps = stampsOf(RECHECKED_WHERE);
    entries = await Promise.all([...stamps.keys(), ...broken.keys()].map((id) => reports.entry(id)));
  } else {
    stamps = stampsOf('');
    if (stamps.size === 0 && broken.size === 0) {
      // Nothing stored (a first use, or a store deleted or remade): every session is new.
      await rebuild(deps);
      settle(db, tables, dir);
      return;
    }
    // Journals are stamped unless their session's ended report is stored.
    entries = await reports.listEntries((id) => !endedReport(stamps.get(id)));
    const listed = new Set(entries.map((e) => e.id));
    const gone = [...stamps.keys(), ...broken.keys()].filter((id) => !listed.has(id));
    if (gone.length > 0) {
      const writer = new SessionWriter(db, tables);
      writer.transaction(() => gone.forEach((id) => writer.delete(id)));
    }
  }
  const nowMs = deps.now();
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const b of broken.values()) {
    const entry = byId.get(b.id);
    if (entry && unchanged(b, entry, nowMs)) warn(b.message);
  }
  // In the order the files were last written, which is about the order the sessions ran: sessions
  // of the same days come together, so the rollups sum them in memory before writing.
  const written = (e: SessionEntry) => e.report?.mtimeMs ?? e.journal?.mtimeMs ?? 0;
  const changed = entries.filter((e) => !unchanged(stamps.get(e.id) ?? broken.get(e.id), e, nowMs)).sort((a, b) => written(a) - written(b));
  // Most syncs find nothing changed: preparing the writer's statements alone then cost ~5 ms.
  if (changed.length > 0) await writeSessions(deps, changed, changed.length);
  settle(db, tables, dir);
}

/**
 * Ends a sync: a bulk write's mark (this sync's rebuild, one killed halfway, or one under way in
 * another process) has the rollups and the indexes by time made again, and the folder's stamp is kept.
 */
function settle(db: Db, tables: readonly StoredFactTable[], dir: DirStamp | null): void {
  if (rollupsLag(db)) remakeRollups(db, tables);
  writeDirStamp(db, dir);
}

/**
 * Writes the sessions folder stamp, only when it changed: a store nothing changed in is left
 * untouched, so its file's stamp proves to readers that nothing did (`rad statusline` answers from
 * its cache while it holds).
 */
function writeDirStamp(db: Db, dir: DirStamp | null): void {
  const stamp = dir && JSON.stringify(dir);
  if (stamp && stamp !== storedDirStampText(db)) db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('sessions_dir', ?)").run(stamp);
}

/**
 * Fills a store that holds nothing: sessions are written as the folder is read (`eachEntry`),
 * with nothing listed first, so memory does not grow with the number of sessions; their fact
 * rows are inserted many at once and the rollups made at the end (bulk, see SessionWriter). The
 * count shown by the progress bar comes from a quick pass over the names, made only when there is a bar.
 */
async function rebuild(deps: SyncDeps): Promise<void> {
  let total = 0;
  if (deps.progress) {
    const count = { report: 0, journal: 0 };
    for (const { kind } of deps.reports.sessionFiles()) count[kind] += 1;
    // Most sessions have both files; the bar is an estimate, never past its end.
    total = Math.max(count.report, count.journal);
  }
  await writeSessions(deps, deps.reports.eachEntry(), total, true);
}

/** A session's files as the store last read them; a null size: the file was not there. */
export interface StoredFiles {
  id: string;
  live: boolean;
  report: { size: number | null; mtimeMs: number | null };
  journal: { size: number | null; mtimeMs: number | null };
}

/**
 * The sessions a sync reads again even when the sessions folder is unchanged (RECHECKED_WHERE, and
 * unreadable ones), with the stamps it compares their files against: while the folder and those
 * files match, not too recently written to trust, and none is live, a sync reads nothing.
 */
export function recheckedSessions(db: Db): StoredFiles[] {
  const columns = 'report_size, report_mtime_ms, journal_size, journal_mtime_ms';
  const rows = [
    ...(db.prepare(`SELECT id, status, ${columns} FROM sessions ${RECHECKED_WHERE}`).all() as StoredStamps[]),
    ...(db.prepare(`SELECT id, NULL AS status, ${columns} FROM broken`).all() as StoredStamps[]),
  ];
  return rows.map((r) => ({
    id: r.id,
    live: r.status === 'live',
    report: { size: r.report_size, mtimeMs: r.report_mtime_ms },
    journal: { size: r.journal_size, mtimeMs: r.journal_mtime_ms },
  }));
}

/** Remakes every rollup from its rows and the indexes a bulk write dropped, and clears its mark, in one write transaction. */
function remakeRollups(db: Db, tables: readonly StoredFactTable[]): void {
  db.transaction(() => {
    if (!rollupsLag(db)) return;
    for (const t of tables) remakeRollup(db, t);
    makeBulkIndexes(db, tables);
    db.prepare("DELETE FROM meta WHERE key = 'rollups'").run();
  }).immediate();
}

/**
 * The sections the store reads: those of plugins without facts (summarized for their merge) and
 * of plugins whose facts the report lacks (derived from the section). The others are checked when
 * a view shows the session, not at every sync.
 */
const sectionsUsed = (plugin: AnyMetricPlugin, report: SessionReport): boolean => !plugin.facts || report.facts?.[plugin.id] === undefined;

/**
 * Reads changed sessions and writes each as soon as it is read, in transactions of up to BATCH
 * sessions; unreadable ones are marked broken with their warning. A transaction is never held
 * across a wait for the disk (a journal to fold), so other processes wait for the lock only while
 * rows are written, and what was read is garbage before it grows old.
 */
async function writeSessions(deps: SyncDeps, entries: Iterable<SessionEntry>, total: number, bulk = false): Promise<void> {
  const { db, reports, plugins, tables } = deps;
  const writer = new SessionWriter(db, tables, bulk);
  const progress = throttledProgress(total >= 2_000 ? deps.progress : undefined, total);
  let done = 0;
  let pending = 0;
  try {
    for (let entry of entries) {
      const messages: string[] = [];
      // A good report is read synchronously (a few KB: cheaper than the thread-pool round trips);
      // anything else goes through the full load, which decides between the journal and a warning.
      const read = entry.report ? reports.readListedInBulk(entry.id, { sections: sectionsUsed }, deps.warn, entry.reportListedAsFile) : undefined;
      let report = read?.report;
      if (read && entry.report === UNSTAMPED) entry = { ...entry, report: read.stamp };
      if (!report) {
        if (pending > 0) (writer.commit(), (pending = 0));
        // A file listed unstamped may not be there: the load needs to know.
        if (entry.journal === UNSTAMPED || entry.report === UNSTAMPED) entry = await reports.entry(entry.id);
        report = await reports.tryLoadEntry(entry, (m) => messages.push(m));
      }
      messages.forEach((m) => deps.warn(m));
      if (pending === 0) writer.begin();
      if (report) {
        writer.write(sessionRow(entry.id, report, stampedJournal(entry, report, deps), plugins, deps.warn), reportFacts(report, plugins));
      } else {
        writer.markBroken(stampedJournal(entry, undefined, deps), messages.join(' ') || `Session ${entry.id} could not be read; it was skipped.`);
      }
      if (++pending === BATCH) (writer.commit(), (pending = 0));
      progress(Math.min(++done, total));
    }
    if (pending > 0) writer.commit();
  } catch (error) {
    if (db.inTransaction) writer.rollback();
    throw error;
  }
}

/** The entry with its journal stamped, unless it was listed unstamped and the session's ended report (when read) is the truth. */
function stampedJournal(entry: SessionEntry, report: SessionReport | undefined, deps: SyncDeps): SessionEntry {
  if (entry.journal !== UNSTAMPED) return entry;
  if (entry.report && report?.status === 'ended') return { id: entry.id, report: entry.report };
  const journal = fileStamp(deps.reports.paths.journalFile(entry.id), deps.now());
  return journal ? { ...entry, journal } : { id: entry.id, ...(entry.report ? { report: entry.report } : {}) };
}

/** Reads the given sessions' files again, whatever the stamps say; a session whose files are gone is removed. */
export async function refreshSessions(deps: SyncDeps, ids: readonly string[]): Promise<void> {
  const entries = await Promise.all(ids.map((id) => deps.reports.entry(id)));
  const gone = entries.filter((e) => !e.report && !e.journal).map((e) => e.id);
  if (gone.length > 0) {
    const writer = new SessionWriter(deps.db, deps.tables);
    writer.transaction(() => gone.forEach((id) => writer.delete(id)));
  }
  const present = entries.filter((e) => e.report || e.journal);
  await writeSessions(deps, present, present.length);
}
