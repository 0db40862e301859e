import { promises as fs } from 'node:fs';
import { inject, injectable } from 'tsyringe';
import { CorruptFileError, RadiumError, SessionNotFoundError } from '../errors.js';
import { SessionFolder } from '../host/session-folder.js';
import { TOKENS } from '../host/tokens.js';
import type { Warnings } from '../host/warnings.js';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import { recordChange } from '../summary-index/change-log.js';
import { readReportText } from '../summary-index/read-entry.js';
import { writeFileAtomic } from './atomic-write.js';
import { parseReportText } from './parse-report.js';
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
  /** The journal file, when there is one. */
  journal?: FileStamp;
}

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

/** Lists, loads and saves session reports; the report files are the truth. */
@injectable()
export class ReportStore {
  constructor(
    @inject(TOKENS.Paths) readonly paths: WorkspacePaths,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
    @inject(TOKENS.Warnings) private readonly warnings: Warnings,
    @inject(TOKENS.Env) private readonly env: NodeJS.ProcessEnv,
    @inject(SessionFolder) private readonly folder: SessionFolder,
  ) {}

  /** Every session id with its files; one directory read plus one stat per file. */
  async listEntries(): Promise<SessionEntry[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.paths.sessionsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries = new Map<string, SessionEntry>();
    await Promise.all(
      names.map(async (name) => {
        const kind = name.endsWith(JOURNAL_SUFFIX) ? 'journal' : name.endsWith(REPORT_SUFFIX) ? 'report' : undefined;
        if (!kind || name.startsWith('.')) return;
        const id = name.slice(0, -(kind === 'journal' ? JOURNAL_SUFFIX : REPORT_SUFFIX).length);
        if (!isSessionId(id)) return;
        const stat = await fs.stat(`${this.paths.sessionsDir}/${name}`).catch(() => undefined);
        if (!stat?.isFile()) return;
        const entry = entries.get(id) ?? { id };
        entry[kind] = { size: stat.size, mtimeMs: stat.mtimeMs };
        entries.set(id, entry);
      }),
    );
    return [...entries.values()];
  }

  /** Reads and upgrades one report file; throws CorruptFileError or UnsupportedSchemaVersionError. */
  async readReportFile(id: string): Promise<SessionReport> {
    return this.parseReport(id, await fs.readFile(this.paths.reportFile(id), 'utf8'));
  }

  /** Parses and upgrades the text of a report file already read (the summary index reads many at once: `fast`, see parseReportText). */
  parseReport(id: string, text: string, fast = false): SessionReport {
    return parseReportText(
      text,
      this.paths.reportFile(id),
      this.plugins.map((p) => p.plugin),
      this.warnings.warn,
      fast,
    );
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
  readInBulk(id: string): SessionReport | undefined {
    try {
      const read = readReportText(this.paths.reportFile(id), Date.now());
      return read ? this.parseReport(id, read.text, true) : undefined;
    } catch {
      return undefined;
    }
  }

  /** As `load`, for one of many sessions loaded in a row (see readInBulk). */
  async loadInBulk(id: string): Promise<LoadedSession> {
    const report = this.readInBulk(id);
    return report ? { report, origin: 'report' } : this.load(id);
  }

  /** The files of one session id (two stats, not a listing of the folder). */
  async entry(id: string): Promise<SessionEntry> {
    const entry: SessionEntry = { id };
    for (const kind of ['report', 'journal'] as const) {
      const file = kind === 'report' ? this.paths.reportFile(id) : this.paths.journalFile(id);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat?.isFile()) entry[kind] = { size: stat.size, mtimeMs: stat.mtimeMs };
    }
    return entry;
  }

  /** Loads a listed entry; see `load`. */
  async loadEntry(entry: SessionEntry): Promise<LoadedSession> {
    if (entry.report) {
      try {
        return { report: await this.readReportFile(entry.id), origin: 'report' };
      } catch (error) {
        if (!entry.journal || !(error instanceof CorruptFileError)) throw error;
        this.warnings.warn(`${error.message} Rebuilding it from the journal.`);
      }
    }
    if (entry.journal) {
      const report = await this.folder.foldJournal(entry.id);
      if (report.status === 'ended') await this.save(report);
      return { report, origin: 'journal' };
    }
    throw new SessionNotFoundError(entry.id);
  }

  /** Loads a session or, when its files are corrupt, warns naming the file and returns undefined. */
  async tryLoadEntry(entry: SessionEntry): Promise<SessionReport | undefined> {
    try {
      return (await this.loadEntry(entry)).report;
    } catch (error) {
      if (error instanceof RadiumError && !(error instanceof SessionNotFoundError)) {
        this.warnings.warn(error.message);
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

  /** Writes a report atomically; returns its path. */
  async save(report: SessionReport): Promise<string> {
    const file = this.paths.reportFile(report.sessionId);
    await writeFileAtomic(file, serializeReport(report, this.env));
    recordChange(this.paths.indexDir, report.sessionId);
    return file;
  }
}
