import { lstatSync, opendirSync, promises as fs, statSync, type Dir, type Stats } from 'node:fs';
import { inject, injectable } from 'tsyringe';
import { CorruptFileError, DeletedWhileReadingError, NotAFileError, RadiumError, SessionNotFoundError } from '../errors.js';
import { SessionFolder } from '../host/session-folder.js';
import { TOKENS } from '../host/tokens.js';
import type { Warnings } from '../host/warnings.js';
import type { StatsConfig } from '../config/schema.js';
import { SessionPriceData } from '../pricing/data-version.js';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import type { SessionEvent } from '../events/schema.js';
import { readJournal } from '../journal/read.js';
import { writeFileAtomic } from './atomic-write.js';
import { parseReportText, type ParseOptions } from './parse-report.js';
import { readReportText } from './read-report.js';
import { JOURNAL_SUFFIX, REPORT_SUFFIX, type WorkspacePaths } from './paths.js';
import { isSessionId } from './session-id.js';

/** Environment variable that makes reports compact JSON (`true` or `1`). */
export const COMPACT_ENV = 'RADIUM_COMPACT_SESSION_JSON';

/** Size and modification time of one stored file. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** What the sessions folder holds for one session id. */
export interface SessionEntry {
  id: string;
  /** The report file, when there is one. */
  report?: FileStamp;
  /** The journal file, when there is one (UNSTAMPED when it was listed without a stat). */
  journal?: FileStamp;
  /** The folder listing gave the report as a regular file, so it may be opened without a stat first. */
  reportListedAsFile?: boolean;
}

const REPORT_BIT = 1;
const JOURNAL_BIT = 2;

/** The stamp of a file listed by name only (see listEntries): there, but its size and time unknown. */
export const UNSTAMPED: FileStamp = Object.freeze({ size: -1, mtimeMs: -1 });

/** A loaded session and whether it came from its report or was folded from its journal. */
export interface LoadedSession {
  report: SessionReport;
  origin: 'report' | 'journal';
}

/** Serializes a report as the workspace wants it: pretty by default, compact on request. */
export function serializeReport(report: SessionReport, env: NodeJS.ProcessEnv = process.env): string {
  const compact = ['true', '1'].includes((env[COMPACT_ENV] ?? '').trim().toLowerCase());
  return compact ? `${JSON.stringify(report)}\n` : `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Stat of whatever is at `file` (following a link), or of the link itself when it leads nowhere;
 * undefined when nothing is there. A directory, FIFO or dangling link under a session file's name
 * is listed like a file, so that loading it warns naming it instead of the session going missing
 * without a word (reading checks the type and never opens such a thing).
 */
async function present(file: string): Promise<Stats | undefined> {
  return fs.stat(file).catch(() => fs.lstat(file)).catch(() => undefined);
}

/** As `present`, synchronously. */
function presentSync(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    try {
      return lstatSync(file);
    } catch {
      return undefined;
    }
  }
}

/** The size and modification time of whatever `presentSync` finds at `file`. */
function stampOf(file: string): FileStamp | undefined {
  const stat = presentSync(file);
  return stat && { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Modification time of a file, or undefined when it cannot be stat'ed. */
function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when a file still has the size and modification time it had when listed. */
function sameStamp(file: string, stamp: FileStamp): boolean {
  try {
    const now = statSync(file, { throwIfNoEntry: false });
    return now !== undefined && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
  } catch {
    return false;
  }
}

/** Lists, loads and saves session reports; the report files are the truth. */
@injectable()
export class ReportStore {
  constructor(
    @inject(TOKENS.Paths) readonly paths: WorkspacePaths,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
    @inject(TOKENS.Warnings) private readonly warnings: Warnings,
    @inject(TOKENS.Env) private readonly env: NodeJS.ProcessEnv,
    @inject(SessionFolder) private readonly folder: SessionFolder,
    @inject(TOKENS.Config) config: StatsConfig,
  ) {
    this.prices = new SessionPriceData(config.prices.overrides);
  }

  /** The price data sessions are priced with now (the table's version and the workspace's overrides). */
  readonly prices: SessionPriceData;

  /** Sessions found priced with other price data in this run that could not be re-priced (warned about). */
  readonly keptPrices = new Set<string>();

  /**
   * True when a stored report was priced with other price data than its models get now (another
   * table version, or an override of one of them changed): it is re-priced from its journal when
   * read. `unstamped`: a report that does not say what priced it (written before reports did) counts too.
   * A live session is folded at every read anyway; a legacy report keeps the original Radium's costs.
   */
  pricesChanged(report: SessionReport, unstamped = false): boolean {
    if (report.status === 'live' || report.source === 'legacy-radium') return false;
    if (!report.pricing) return unstamped;
    return report.pricing.dataVersion !== this.prices.versionFor(report.pricing.models);
  }

  /**
   * The session files of the sessions folder, read entry by entry (none held: a folder of 100,000
   * sessions read whole took tens of megabytes that outlived the listing); none when it is missing.
   */
  *sessionFiles(): Generator<{ id: string; kind: 'report' | 'journal'; regular: boolean }> {
    let dir: Dir;
    try {
      dir = opendirSync(this.paths.sessionsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      for (let dirent = dir.readSync(); dirent !== null; dirent = dir.readSync()) {
        const name = dirent.name;
        const kind = name.endsWith(JOURNAL_SUFFIX) ? 'journal' : name.endsWith(REPORT_SUFFIX) ? 'report' : undefined;
        if (!kind || name.startsWith('.')) continue;
        const id = name.slice(0, -(kind === 'journal' ? JOURNAL_SUFFIX : REPORT_SUFFIX).length);
        if (isSessionId(id)) yield { id, kind, regular: dirent.isFile() };
      }
    } finally {
      dir.closeSync();
    }
  }

  /**
   * Every session id with its files; one directory read plus one stat per file, made synchronously:
   * for 100,000 files, a promise and a thread-pool round trip each cost more than the stats. A journal
   * `stampJournal` declines (one whose ended report is the truth) is listed unstamped (UNSTAMPED).
   */
  async listEntries(stampJournal: (id: string, hasReport: boolean) => boolean = () => true): Promise<SessionEntry[]> {
    // A bit per file kind: no object per id.
    const found = new Map<string, number>();
    for (const { id, kind } of this.sessionFiles()) found.set(id, (found.get(id) ?? 0) | (kind === 'report' ? REPORT_BIT : JOURNAL_BIT));
    const entries: SessionEntry[] = [];
    for (const [id, files] of found) {
      const entry: SessionEntry = { id };
      const report = files & REPORT_BIT ? stampOf(this.paths.reportFile(id)) : undefined;
      if (report) entry.report = report;
      const journal = !(files & JOURNAL_BIT) ? undefined : stampJournal(id, !!report) ? stampOf(this.paths.journalFile(id)) : UNSTAMPED;
      if (journal) entry.journal = journal;
      if (entry.report || entry.journal) entries.push(entry);
    }
    return entries;
  }

  /**
   * Every session of the folder, one at a time as the folder is read, without listing it first:
   * a session with a report when its report comes up (both files UNSTAMPED), one with a
   * journal alone when its journal does. For a store that holds nothing yet (a rebuild), whose
   * memory then does not grow with the number of sessions.
   */
  *eachEntry(): Generator<SessionEntry> {
    // Loading a journal alone may write its report into the folder being read, whose name may then
    // come up too: such a session is not given twice.
    const fromJournal = new Set<string>();
    for (const { id, kind, regular } of this.sessionFiles()) {
      if (kind === 'report') {
        if (fromJournal.has(id)) continue;
        // Stamped when read (readListedInBulk): the open file's own stat.
        yield { id, report: UNSTAMPED, journal: UNSTAMPED, reportListedAsFile: regular };
        continue;
      }
      // Its report, when there is one, brings the session. (Remembering the reports given instead
      // of this stat took 10 MB more at 100,000 sessions, for 1% of the time.)
      if (presentSync(this.paths.reportFile(id))) continue;
      const journal = stampOf(this.paths.journalFile(id));
      if (!journal) continue;
      fromJournal.add(id);
      yield { id, journal };
    }
  }

  /** Reads and upgrades one report file; throws CorruptFileError (NotAFileError, ReportTooLargeError), UnsupportedSchemaVersionError or DeletedWhileReadingError. */
  async readReportFile(id: string): Promise<SessionReport> {
    const file = this.paths.reportFile(id);
    const read = readReportText(file, Date.now());
    if (!read) throw new DeletedWhileReadingError(file);
    return this.parseReport(id, read.text);
  }

  /** Parses and upgrades the text of a report file already read (see parseReportText for `options`). */
  parseReport(id: string, text: string, options: Omit<ParseOptions, 'id'> = {}, warn: (message: string) => void = this.warnings.warn): SessionReport {
    return parseReportText(text, this.paths.reportFile(id), this.plugins.map((p) => p.plugin), warn, { ...options, id });
  }

  /**
   * Loads a session: its report when there is one, else its journal folded on demand. A journal
   * that ended but has no report (a crash between the two) gets its report written now.
   */
  async load(id: string): Promise<LoadedSession> {
    return this.loadEntry(await this.entry(id));
  }

  /**
   * One of many reports read in a row (export): read and checked synchronously, as a bulk read
   * (see parseReportText), since for a few KB the thread-pool round trips of async stats and reads
   * cost more than the read. Undefined when there is no readable, valid report file: `load` then
   * decides (a journal, a rebuild from it, or an error naming the file).
   */
  readInBulk(id: string, options: Omit<ParseOptions, 'id'> = {}, warn: (message: string) => void = this.warnings.warn): SessionReport | undefined {
    return this.readListedInBulk(id, options, warn)?.report;
  }

  /** As readInBulk, with the stamp of the file as it was read; `listedAsFile`: see SessionEntry.reportListedAsFile. */
  readListedInBulk(
    id: string,
    options: Omit<ParseOptions, 'id'> = {},
    warn: (message: string) => void = this.warnings.warn,
    listedAsFile = false,
  ): { report: SessionReport; stamp: FileStamp } | undefined {
    try {
      const read = readReportText(this.paths.reportFile(id), Date.now(), listedAsFile);
      if (!read) return undefined;
      const report = this.parseReport(id, read.text, options, warn);
      // A report priced with other price data goes through `load`, which re-prices it.
      return !this.behindJournal(report) && !this.pricesChanged(report) ? { report, stamp: read.stamp } : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * True when the stored report of a session that was abandoned is older than its journal: the
   * session went on after it was stored, so the journal (the truth) is folded again. Two stats,
   * only for such reports.
   */
  private behindJournal(report: SessionReport): boolean {
    if (report.status !== 'abandoned' || report.source !== 'journal') return false;
    const journal = mtimeOf(this.paths.journalFile(report.sessionId));
    const stored = mtimeOf(this.paths.reportFile(report.sessionId));
    return journal !== undefined && stored !== undefined && journal > stored;
  }

  /** As `load`, for one of many listed sessions loaded in a row (see readInBulk); one whose files went since is DeletedWhileReadingError. */
  async loadInBulk(id: string): Promise<LoadedSession> {
    const report = this.readInBulk(id);
    if (report) return { report, origin: 'report' };
    const entry = await this.entry(id);
    if (!entry.report && !entry.journal) throw new DeletedWhileReadingError(`Session ${JSON.stringify(id)}`);
    return this.loadEntry(entry);
  }

  /**
   * The events of a session's journal that happened at or after `sinceMs` (what a live view calls
   * recent), in journal order; none for a session without a journal. Bad lines are left out
   * silently: loading the session warns about them.
   */
  async eventsSince(id: string, sinceMs: number): Promise<SessionEvent[]> {
    const out: SessionEvent[] = [];
    try {
      for await (const event of readJournal(this.paths.journalFile(id))) {
        if (Date.parse(event.ts) >= sinceMs) out.push(event);
      }
    } catch (error) {
      if (!(error instanceof DeletedWhileReadingError)) throw error;
    }
    return out;
  }

  /** The files of one session id (two stats, not a listing of the folder); anything under their names counts (see `present`). */
  async entry(id: string): Promise<SessionEntry> {
    const entry: SessionEntry = { id };
    for (const kind of ['report', 'journal'] as const) {
      const stat = await present(kind === 'report' ? this.paths.reportFile(id) : this.paths.journalFile(id));
      if (stat) entry[kind] = { size: stat.size, mtimeMs: stat.mtimeMs };
    }
    return entry;
  }

  /** Loads a listed entry; see `load`. */
  async loadEntry(entry: SessionEntry): Promise<LoadedSession> {
    let replaceReport = true;
    if (entry.report) {
      try {
        const report = await this.readReportFile(entry.id);
        if (this.pricesChanged(report)) return this.reprice(entry, report);
        if (!entry.journal || !this.behindJournal(report)) return { report, origin: 'report' };
      } catch (error) {
        if (!entry.journal || !(error instanceof CorruptFileError)) throw error;
        this.warnings.warn(`${error.message} Rebuilding it from the journal.`);
        // A directory cannot be replaced by a file, and a FIFO or link there was put by someone: left as is.
        replaceReport = !(error instanceof NotAFileError);
      }
    }
    if (entry.journal) {
      const report = await this.folder.foldJournal(entry.id);
      // Not fsynced: the journal stays, so a report a power cut loses is folded again from it.
      if (report.status === 'ended' && replaceReport) await this.save(report, { durable: false });
      if (report.status === 'abandoned' && replaceReport) await this.saveAbandoned(report, entry.journal);
      return { report, origin: 'journal' };
    }
    throw new SessionNotFoundError(entry.id);
  }

  /**
   * Re-prices a stored report from its journal with the price data of now and writes it (atomically,
   * replacing the old one only once the new one is complete). A session that cannot be (no journal,
   * or one that no longer folds) keeps its report as it was, with a warning naming it.
   */
  private async reprice(entry: SessionEntry, stored: SessionReport): Promise<LoadedSession> {
    const kept = (why: string): LoadedSession => {
      this.keptPrices.add(entry.id);
      this.warnings.warn(`Session ${entry.id} could not be re-priced (${why}); it keeps its costs priced with ${stored.pricing?.dataVersion ?? 'older price data'}.`);
      return { report: stored, origin: 'report' };
    };
    if (!entry.journal) return kept('it has no journal to price its requests from');
    let report: SessionReport;
    try {
      report = await this.folder.foldJournal(entry.id);
    } catch (error) {
      return kept(error instanceof RadiumError ? error.message.replace(/\.$/, '') : String(error));
    }
    // The journal's fold says `journal`; an imported session stays one.
    report.source = stored.source;
    this.keptPrices.delete(entry.id);
    if (report.status === 'ended') await this.save(report, { durable: false });
    if (report.status === 'abandoned') await this.saveAbandoned(report, entry.journal);
    return { report, origin: 'journal' };
  }

  /**
   * Re-prices one session when its report was priced with other price data (see pricesChanged; with
   * `unstamped`, also one that does not say): `repriced` when it was folded again (and written,
   * unless it turned out live), `kept` when it could not be (warned about), else `current`.
   */
  async repriceIfChanged(id: string, unstamped: boolean): Promise<'current' | 'repriced' | 'kept'> {
    const entry = await this.entry(id);
    if (!entry.report) return 'current';
    let report: SessionReport;
    try {
      report = await this.readReportFile(id);
    } catch {
      // An unreadable report is warned about by the store's sync, which reads it too.
      return 'current';
    }
    if (!this.pricesChanged(report, unstamped)) return 'current';
    return (await this.reprice(entry, report)).origin === 'journal' ? 'repriced' : 'kept';
  }

  /**
   * Stores the report of an abandoned session, so that its journal is folded (and a torn last line
   * warned about) once, not at every command. A journal written since it was listed may have
   * changed after the fold read it: the report is then removed again, to be folded next time.
   */
  private async saveAbandoned(report: SessionReport, folded: FileStamp): Promise<void> {
    const file = await this.save(report, { durable: false });
    if (!sameStamp(this.paths.journalFile(report.sessionId), folded)) await fs.rm(file, { force: true });
  }

  /**
   * Loads a listed session or, when its files are corrupt, not regular files or deleted since the
   * listing, warns naming them and returns undefined.
   */
  async tryLoadEntry(entry: SessionEntry, warn: (message: string) => void = this.warnings.warn): Promise<SessionReport | undefined> {
    try {
      if (!entry.report && !entry.journal) throw new DeletedWhileReadingError(`Session ${JSON.stringify(entry.id)}`);
      return (await this.loadEntry(entry)).report;
    } catch (error) {
      if (error instanceof RadiumError) {
        warn(error.message);
        return undefined;
      }
      throw error;
    }
  }

  /** Every loadable session, one at a time (never all in memory); corrupt ones are skipped with a warning. */
  async *loadAll(entries?: SessionEntry[]): AsyncGenerator<SessionReport> {
    for (const entry of entries ?? (await this.listEntries())) {
      const report = await this.tryLoadEntry(entry);
      if (report) yield report;
    }
  }

  /** Writes a report atomically (`durable: false`: without fsync, see writeFileAtomic); returns its path. */
  async save(report: SessionReport, options: { durable?: boolean } = {}): Promise<string> {
    const file = this.paths.reportFile(report.sessionId);
    await writeFileAtomic(file, serializeReport(report, this.env), options);
    return file;
  }
}
