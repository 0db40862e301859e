import { inject, injectable } from 'tsyringe';
import { TOKENS } from '../host/tokens.js';
import type { Warnings } from '../host/warnings.js';
import type { ActivePlugin } from '../report/fold.js';
import { StatsStore, type MergedPluginSection, type PeriodSections } from '../database/stats-store.js';
import type { StoreFilter, TimeRange } from '../database/queries.js';
import type { SessionColumn, SessionColumnValue } from '../database/session-groups.js';
import { summarizeReport, type SessionSummary } from '../database/summary.js';
import type { ProgressListener } from '../database/progress.js';
import { fileStamp, sameFile } from '../database/stamps.js';
import { ReportStore } from './report-store.js';
import { assertSessionId } from './session-id.js';
import { AmbiguousSessionIdError, SessionNotFoundError } from '../errors.js';
import { repriceChangedSessions } from './reprice-sessions.js';

export { summarizeReport, type SessionSummary } from '../database/summary.js';
export type { ProgressListener } from '../database/progress.js';

/** A file as the store last read it; a null size: it was not there (a null time: not recorded). */
export interface StoredFileStamp {
  file: string;
  size: number | null;
  mtimeMs: number | null;
}

/** Shortest start of an id that is looked up as a prefix. */
const MIN_ID_PREFIX = 4;
/** Matches an ambiguous prefix lists. */
const SHOWN_MATCHES = 5;

/** A page of sessions, newest first. */
export interface SessionPage {
  /** Sessions that can be shown (unreadable ones are warned about, not counted). */
  total: number;
  items: SessionSummary[];
}

/** Fewest characters of a session id shown in lists: few enough to type, enough to stay unique in years of history. */
export const TYPEABLE_ID_CHARS = 8;

/** Every selected session's sections merged per plugin, as `rad stats model` and `engine` show them. */
export interface MergedSummaries {
  /** Sessions selected. */
  sessions: number;
  /** Plugin id to its merged section and how many sessions had one; plugins no session has are absent. */
  plugins: Record<string, MergedPluginSection>;
}

/**
 * Answers questions over many sessions (history pages, merged views, the latest session, export
 * order) from the stats store, which it brings up to date with the sessions folder once per command.
 */
@injectable()
export class SessionCatalog {
  private progress: ProgressListener | undefined;
  private repricing: ProgressListener | undefined;
  private opened: StatsStore | undefined;
  private synced = false;

  constructor(
    @inject(ReportStore) private readonly reports: ReportStore,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
    @inject(TOKENS.Warnings) private readonly warnings: Warnings,
  ) {}

  /** Reports progress of long syncs (the first run after the store was deleted) to `listener`. */
  setProgress(listener: ProgressListener | undefined): void {
    this.progress = listener;
  }

  /** Reports progress of re-pricing many sessions after the price data or the overrides changed to `listener`. */
  setRepricingProgress(listener: ProgressListener | undefined): void {
    this.repricing = listener;
  }

  /** The store, opened and brought up to date (files and price data) on first use in this run. */
  async store(): Promise<StatsStore> {
    this.opened ??= StatsStore.open({ reports: this.reports, plugins: this.plugins, warn: this.warnings.warn, progress: this.progress });
    if (!this.synced) {
      await this.opened.sync();
      await repriceChangedSessions(this.opened, this.reports, this.repricing);
      this.synced = true;
    }
    return this.opened;
  }

  /** Sessions newest first, `limit` of them from `offset`. */
  async page(offset: number, limit: number, filter: StoreFilter = {}): Promise<SessionPage> {
    const store = await this.store();
    let rows = store.page(filter, offset, limit);
    // Rows about to be shown are checked against their files (a few stats), catching a report
    // rewritten in place, which leaves the folder's stamp unchanged.
    const now = Date.now();
    if (rows.some((row) => row.stamp && !sameFile(row.stamp, fileStamp(this.reports.paths.reportFile(row.id), now)))) {
      await store.sync(true);
      rows = store.page(filter, offset, limit);
    }
    const items: SessionSummary[] = [];
    for (const row of rows) {
      const report = this.reports.readInBulk(row.id) ?? (await this.reports.tryLoadEntry(await this.reports.entry(row.id)));
      if (report) items.push(summarizeReport(report, this.plugins, this.warnings.warn));
    }
    return { total: store.count(filter), items };
  }

  /** Ids of every selected session, newest first (for export). */
  async idsNewestFirst(filter: StoreFilter = {}): Promise<string[]> {
    return (await this.store()).ids(filter);
  }

  /** Every selected session's sections merged per active plugin (or per plugin in `only`), summed in SQL where the plugin declares facts. */
  async merged(filter: StoreFilter = {}, only?: readonly string[]): Promise<MergedSummaries> {
    return (await this.store()).merged(filter, only);
  }

  /** The values of a session column (agent, project, source) among the selected sessions, most sessions first; nulls left out. */
  async columnValues(filter: StoreFilter, column: SessionColumn): Promise<SessionColumnValue[]> {
    return (await this.store()).columnValues(filter, column);
  }

  /** Ids of the selected sessions (started in the filter's range) with the highest sum of one measure of a plugin's fact table over each whole session, at most `limit`. */
  async rankedBy(filter: StoreFilter, by: { plugin: string; table: string; measure: string }, limit: number): Promise<string[]> {
    return (await this.store()).rankedBy(filter, by, limit);
  }

  /**
   * How each session can be named on the command line: the shortest start, at least 8 characters,
   * of its id (or its agent's own id, for an imported session) that names it alone.
   */
  async typeableIds(ids: readonly string[]): Promise<Map<string, string>> {
    return (await this.store()).typeableIds(ids, TYPEABLE_ID_CHARS);
  }

  /** The first start and last end of the selected sessions, for the periods of a time view; undefined when none match. */
  async span(filter: StoreFilter = {}): Promise<TimeRange | undefined> {
    return (await this.store()).span(filter);
  }

  /** Sections of the plugins in `only` merged per period, with the sessions started in each (see StatsStore.mergedByPeriod). */
  async mergedByPeriod(filter: StoreFilter, periods: readonly TimeRange[], only: readonly string[]): Promise<PeriodSections[]> {
    return (await this.store()).mergedByPeriod(filter, periods, only);
  }

  /**
   * The session id a user typed: a full id, the agent's own id of an imported session (Claude Code,
   * Codex or Gemini session id), or a unique start of either of at least 4 characters. Throws
   * SessionNotFoundError, or AmbiguousSessionIdError listing the sessions it could be.
   */
  async resolveId(typed: string): Promise<string> {
    // Ids and agents' ids are file-name safe: anything else (a path) is refused as it is typed.
    assertSessionId(typed);
    // A full id needs no store (two stats), which keeps `stats session --session-id` fast.
    const entry = await this.reports.entry(typed);
    if (entry.report || entry.journal) return typed;
    const found = (await this.store()).named(typed, MIN_ID_PREFIX, SHOWN_MATCHES + 1);
    if (found.length === 1) return found[0]!;
    if (found.length === 0) throw new SessionNotFoundError(typed);
    throw new AmbiguousSessionIdError(typed, found.slice(0, SHOWN_MATCHES), found.length > SHOWN_MATCHES);
  }

  /** Id of the most recent session (a live one included), or undefined when there are none. */
  async latestId(): Promise<string | undefined> {
    return (await this.store()).page({}, 0, 1)[0]?.id;
  }

  /** Id of the most recent live session, or undefined when none is live. */
  async latestLiveId(): Promise<string | undefined> {
    return (await this.store()).ids({ status: 'live' })[0];
  }

  /**
   * The files that, unchanged, prove the store's next sync reads nothing while the sessions folder
   * is unchanged too: each with the size and modification time the store read it with (a null
   * size: it was not there). Undefined while a session is live: a sync reads those at every run.
   */
  async recheckedFiles(): Promise<StoredFileStamp[] | undefined> {
    const sessions = (await this.store()).recheckedSessions();
    if (sessions.some((s) => s.live)) return undefined;
    const paths = this.reports.paths;
    return sessions.flatMap((s) => [
      { file: paths.reportFile(s.id), ...s.report },
      { file: paths.journalFile(s.id), ...s.journal },
    ]);
  }

  /**
   * Tells the catalog sessions were written or removed behind its back, so the store reads them
   * again: all of them in batched transactions (an import passes a whole batch at once).
   */
  async notifyChanged(sessionIds: string | readonly string[]): Promise<void> {
    const ids = typeof sessionIds === 'string' ? [sessionIds] : sessionIds;
    if (this.synced && ids.length > 0) await this.opened!.refresh(ids);
  }

  /** Reads every report again into the store (progress goes to the listener). */
  async rebuild(): Promise<void> {
    this.opened ??= StatsStore.open({ reports: this.reports, plugins: this.plugins, warn: this.warnings.warn, progress: this.progress });
    await this.opened.sync(true);
    this.synced = true;
  }
}
