import type { ActivePlugin } from '../report/fold.js';
import type { SessionReport } from '../report/schema.js';

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

/**
 * Shrinks a report to its summary using each plugin's `summarize`. With `warn`, a plugin whose
 * summarize throws loses only its own section, with a warning naming it.
 */
export function summarizeReport(report: SessionReport, plugins: readonly ActivePlugin[], warn?: (message: string) => void): SessionSummary {
  const sections: Record<string, unknown> = {};
  for (const { plugin } of plugins) {
    const section = report.sections[plugin.id];
    if (section === undefined) continue;
    if (!plugin.summarize) {
      sections[plugin.id] = section;
      continue;
    }
    try {
      sections[plugin.id] = plugin.summarize(section);
    } catch (error) {
      if (!warn) throw error;
      warn(`Plugin ${plugin.id} failed in summarize (${(error as Error)?.message ?? String(error)}); its section is left out of ${report.sessionId}'s summary.`);
    }
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
