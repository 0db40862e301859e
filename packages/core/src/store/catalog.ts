import { inject, injectable } from 'tsyringe';
import { TOKENS } from '../host/tokens.js';
import type { PluginSource } from '../host/plugin-source.js';
import type { Warnings } from '../host/warnings.js';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import { recordChange } from '../summary-index/change-log.js';
import { compareNewestFirst, sessionKey, type SessionKey } from '../summary-index/order.js';
import type { ProgressListener } from '../summary-index/progress.js';
import { IndexUnreadableError, rowKey, type Row } from '../summary-index/rows.js';
import { fileStamp, sameFile, type FileStamp } from '../summary-index/stamps.js';
import { pickSections, summarizeReport, type SessionSummary } from '../database/summary.js';
import { SummaryIndex, type OpenOptions } from '../summary-index/summary-index.js';
import { indexThreads } from '../summary-index/thread-count.js';
import type { IndexView } from '../summary-index/view.js';
import { ReportStore } from './report-store.js';

export { summarizeReport, type SessionSummary } from '../database/summary.js';
export type { ProgressListener } from '../summary-index/progress.js';

/** A page of sessions, newest first. */
export interface SessionPage {
  /** Sessions that can be shown: unreadable reports and journals (warned about) are not counted, so every advertised page has sessions. */
  total: number;
  items: SessionSummary[];
}

/** Every session's sections merged per plugin, as `rad stats model` and `engine` show them. */
export interface MergedSummaries {
  /** Sessions merged (every loadable session). */
  sessions: number;
  /** Plugin id to its merged section and how many sessions had one; plugins no session has are absent. */
  plugins: Record<string, { section: unknown; sessions: number }>;
}

/** A session in history order: the id its files are named by, and its summary. */
interface Listed {
  id: string;
  key: SessionKey;
  summary: SessionSummary;
  /** The report's stamp when it was indexed; absent for journal-only sessions. */
  stamp?: FileStamp;
}

const listedRow = (row: Row): Listed => ({ id: row.id, key: rowKey(row), summary: row.summary, stamp: { size: row.size, mtimeMs: row.mtimeMs } });

/** Indexed sessions and journal-only ones, each newest first, merged into one newest-first stream. */
async function* newestFirst<T extends { key: SessionKey }>(indexed: Iterable<T> | AsyncIterable<T>, journals: readonly T[]): AsyncGenerator<T> {
  let j = 0;
  for await (const item of indexed) {
    for (; j < journals.length && compareNewestFirst(journals[j]!.key, item.key) < 0; j++) yield journals[j]!;
    yield item;
  }
  for (; j < journals.length; j++) yield journals[j]!;
}

/**
 * Answers questions over many sessions (history pages, merged views, the latest session, export
 * order) from the summary index, so their cost does not grow with history where it need not.
 * Sessions that only have a journal (live or abandoned, a handful) are folded on demand.
 */
@injectable()
export class SessionCatalog {
  private progress: ProgressListener | undefined;

  constructor(
    @inject(ReportStore) private readonly store: ReportStore,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
    @inject(TOKENS.Warnings) private readonly warnings: Warnings,
    @inject(TOKENS.Env) private readonly env: NodeJS.ProcessEnv,
    @inject(TOKENS.PluginSource) private readonly pluginSource: PluginSource | false,
  ) {}

  /** Reports progress of long index builds (the first run after the index was deleted) to `listener`. */
  setProgress(listener: ProgressListener | undefined): void {
    this.progress = listener;
  }

  private index(): SummaryIndex {
    return new SummaryIndex({
      paths: this.store.paths,
      store: this.store,
      plugins: this.plugins,
      warn: this.warnings.warn,
      now: () => Date.now(),
      ...(this.progress ? { progress: this.progress } : {}),
      ...(this.pluginSource ? { threads: { source: this.pluginSource, ...indexThreads(this.env) } } : {}),
    });
  }

  /** Opens the index and runs `use` on it; a cache file found damaged while reading makes it rebuild once. */
  private async withView<T>(use: (view: IndexView) => Promise<T> | T, options: OpenOptions = {}): Promise<T> {
    const view = await this.index().open(options);
    try {
      return await use(view);
    } catch (error) {
      if (!(error instanceof IndexUnreadableError)) throw error;
      return use(await this.index().open({ ...options, rebuild: true }));
    }
  }

  /** Repeats the warnings about reports that cannot be read, as listing every file used to. */
  private warnBroken(view: IndexView): void {
    for (const entry of view.manifest.broken) this.warnings.warn(entry.message);
  }

  /** Journal-only sessions folded now, newest first (they change while live, so they are not cached). */
  private async journalSessions(view: IndexView): Promise<Listed[]> {
    const out: Listed[] = [];
    for (const id of view.manifest.journals) {
      const report = await this.store.tryLoadEntry(await this.store.entry(id));
      if (report) out.push({ id, key: sessionKey(id, report.startTime), summary: summarizeReport(report, this.plugins, this.warnings.warn) });
    }
    return out.sort((a, b) => compareNewestFirst(a.key, b.key));
  }

  private async listPage(offset: number, limit: number): Promise<{ total: number; items: Listed[] }> {
    const pageOf = async (view: IndexView) => {
      this.warnBroken(view);
      const journals = await this.journalSessions(view);
      // Rows before `from` are not read: they, and any journal-only session newer than row `from`,
      // all fall before the page, so the page is the sorted rows and journals from place offset - from.
      const from = Math.max(0, offset - journals.length);
      const rows = (await view.slice(from, offset + limit)).map(listedRow);
      const items = [...rows, ...journals].sort((a, b) => compareNewestFirst(a.key, b.key)).slice(offset - from, offset - from + limit);
      const total = view.rowCount + journals.length;
      // Rows about to be shown are checked against their files (a few stats), catching a report
      // rewritten in place, which leaves the folder's stamp unchanged.
      const now = Date.now();
      const stale = items.filter((item) => item.stamp && !sameFile(item.stamp, fileStamp(this.store.paths.reportFile(item.id), now))).map((item) => item.id);
      return { total, items, stale };
    };
    const first = await this.withView(pageOf);
    if (first.stale.length === 0) return first;
    return this.withView(pageOf, { verify: first.stale });
  }

  /** Sessions newest first, `limit` of them from `offset`. */
  async page(offset: number, limit: number): Promise<SessionPage> {
    const { total, items } = await this.listPage(offset, limit);
    return { total, items: items.map((item) => pickSections(item.summary, this.plugins)) };
  }

  /** Every session in history order (newest first), one index segment in memory at a time. */
  private async *listAll(): AsyncGenerator<Listed> {
    let last: SessionKey | undefined;
    const unseen = (item: Listed) => last === undefined || compareNewestFirst(last, item.key) < 0;
    for (let attempt = 0; ; attempt++) {
      const view = await this.index().open(attempt === 0 ? {} : { rebuild: true });
      if (attempt === 0) this.warnBroken(view);
      const journals = await this.journalSessions(view);
      const rows = async function* () {
        for await (const row of view.rows()) yield listedRow(row);
      };
      try {
        for await (const item of newestFirst(rows(), journals)) {
          if (!unseen(item)) continue;
          last = item.key;
          yield item;
        }
        return;
      } catch (error) {
        // A segment vanished or is damaged mid-stream: rebuild and go on after the last session given.
        if (!(error instanceof IndexUnreadableError) || attempt > 0) throw error;
      }
    }
  }

  /** Every session's summary, newest first, streamed (never all reports in memory). */
  async *summaries(): AsyncGenerator<SessionSummary> {
    for await (const item of this.listAll()) yield pickSections(item.summary, this.plugins);
  }

  /** Ids of every session, newest first (for export), from the index's key files: no summary is read. */
  async idsNewestFirst(): Promise<string[]> {
    return this.withView(async (view) => {
      this.warnBroken(view);
      const journals = await this.journalSessions(view);
      const keys = function* () {
        for (const key of view.keys()) yield { key, id: key[1] };
      };
      const ids: string[] = [];
      for await (const item of newestFirst(keys(), journals)) ids.push(item.id);
      return ids;
    });
  }

  /** Every loadable session's full report, newest first, one at a time (for export). */
  async *reports(): AsyncGenerator<SessionReport> {
    for (const id of await this.idsNewestFirst()) {
      const report = this.store.readInBulk(id) ?? (await this.store.tryLoadEntry(await this.store.entry(id)));
      if (report) yield report;
    }
  }

  /**
   * Every session's sections merged per active plugin, from the index's pre-merged segments: the
   * cost grows with the number of segments (one per 1,000 sessions), not with sessions.
   */
  async merged(): Promise<MergedSummaries> {
    return this.withView(async (view) => {
      this.warnBroken(view);
      const journals = await this.journalSessions(view);
      const { sections, failures } = view.merged(this.plugins);
      for (const failure of failures) this.warnings.warn(failure);
      const plugins: MergedSummaries['plugins'] = {};
      for (const { plugin } of this.plugins) {
        const parts = [...(sections[plugin.id] ?? [])];
        for (const j of journals) if (j.summary.sections[plugin.id] !== undefined) parts.push({ section: j.summary.sections[plugin.id], sessions: 1 });
        if (parts.length === 0 || failures.some((f) => f.startsWith(`Plugin ${plugin.id} `))) continue;
        try {
          const section = parts.length === 1 ? parts[0]!.section : plugin.merge(parts.map((p) => p.section));
          plugins[plugin.id] = { section, sessions: parts.reduce((n, p) => n + p.sessions, 0) };
        } catch (error) {
          this.warnings.warn(`Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`);
        }
      }
      return { sessions: view.rowCount + journals.length, plugins };
    });
  }

  /** Id of the most recent session (a live one included), or undefined when there are none. */
  async latestId(): Promise<string | undefined> {
    return (await this.listPage(0, 1)).items[0]?.id;
  }

  /** Tells the catalog a report was written or replaced outside ReportStore.save, so the index re-reads it. */
  async notifyChanged(sessionId: string): Promise<void> {
    recordChange(this.store.paths.indexDir, sessionId);
  }

  /** Throws the index away and builds it again from every report (progress goes to the listener). */
  async rebuildIndex(): Promise<void> {
    await this.index().open({ rebuild: true });
  }
}
