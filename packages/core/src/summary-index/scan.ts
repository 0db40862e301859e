import { readdirSync } from 'node:fs';
import { JOURNAL_SUFFIX, REPORT_SUFFIX } from '../store/paths.js';
import { isSessionId } from '../store/session-id.js';

/** What one listing of the sessions folder shows: report ids and journal ids. */
export interface SessionNames {
  reports: Set<string>;
  journals: Set<string>;
}

/**
 * Lists the sessions folder by name only (no stat per file: at 100,000 sessions the stats cost
 * more than the listing). Hidden files (temp files of atomic writes) are ignored.
 */
export function scanSessions(dir: string): SessionNames {
  const names = { reports: new Set<string>(), journals: new Set<string>() };
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return names;
    throw error;
  }
  for (const name of entries) {
    if (name.startsWith('.')) continue;
    if (name.endsWith(JOURNAL_SUFFIX)) {
      const id = name.slice(0, -JOURNAL_SUFFIX.length);
      if (isSessionId(id)) names.journals.add(id);
    } else if (name.endsWith(REPORT_SUFFIX)) {
      const id = name.slice(0, -REPORT_SUFFIX.length);
      if (isSessionId(id)) names.reports.add(id);
    }
  }
  return names;
}
