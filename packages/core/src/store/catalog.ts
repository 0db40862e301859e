import { inject, injectable } from 'tsyringe';
import { TOKENS } from '../host/tokens.js';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';
import { ReportStore, type SessionEntry } from './report-store.js';

/** What views over many sessions need of each: envelope fields and each plugin's summarized section. */
export interface SessionSummary {
  sessionId: string;
  startTime: string;
  endTime: string | null;
  status: SessionReport['status'];
  source: string;
  agent?: string;
  /** `plugin.summarize(section)` per active plugin id. */
  sections: Record<string, unknown>;
}

/** A page of sessions, newest first. */
export interface SessionPage {
  /** Sessions in the workspace (loadable or not). */
  total: number;
  items: SessionSummary[];
}

/** Shrinks a report to its summary using each plugin's `summarize`. */
export function summarizeReport(report: SessionReport, plugins: readonly ActivePlugin[]): SessionSummary {
  const sections: Record<string, unknown> = {};
  for (const { plugin } of plugins) {
    const section = report.sections[plugin.id];
    if (section === undefined) continue;
    sections[plugin.id] = plugin.summarize ? plugin.summarize(section) : section;
  }
  return {
    sessionId: report.sessionId,
    startTime: report.startTime,
    endTime: report.endTime,
    status: report.status,
    source: report.source,
    ...(report.agent ? { agent: report.agent } : {}),
    sections,
  };
}

/**
 * Answers questions over many sessions (history pages, merged views, the latest session).
 * Views go through this class only, so how it is answered (reading files or an index) can change freely.
 */
@injectable()
export class SessionCatalog {
  constructor(
    @inject(ReportStore) private readonly store: ReportStore,
    @inject(TOKENS.ActivePlugins) private readonly plugins: ActivePlugin[],
  ) {}

  private async summariesNewestFirst(): Promise<{ entries: SessionEntry[]; summaries: SessionSummary[] }> {
    const entries = await this.store.listEntries();
    const summaries: SessionSummary[] = [];
    for await (const report of this.store.loadAll(entries)) summaries.push(summarizeReport(report, this.plugins));
    summaries.sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime) || b.sessionId.localeCompare(a.sessionId));
    return { entries, summaries };
  }

  /** Sessions newest first, `limit` of them from `offset`. */
  async page(offset: number, limit: number): Promise<SessionPage> {
    const { entries, summaries } = await this.summariesNewestFirst();
    return { total: entries.length, items: summaries.slice(offset, offset + limit) };
  }

  /** Every session's summary, in no particular order. */
  async *summaries(): AsyncGenerator<SessionSummary> {
    for await (const report of this.store.loadAll()) yield summarizeReport(report, this.plugins);
  }

  /** Ids of every session, newest first (for export). */
  async idsNewestFirst(): Promise<string[]> {
    return (await this.summariesNewestFirst()).summaries.map((s) => s.sessionId);
  }

  /** Id of the most recent session (a live one included), or undefined when there are none. */
  async latestId(): Promise<string | undefined> {
    return (await this.page(0, 1)).items[0]?.sessionId;
  }

  /** Tells the catalog a report was written or removed, so any cache it keeps stays right. */
  async notifyChanged(_sessionId: string): Promise<void> {}
}
