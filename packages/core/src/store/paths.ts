import path from 'node:path';
import { WORKSPACE_DIR } from '../workspace/nearest.js';
import { assertSessionId } from './session-id.js';

export { WORKSPACE_DIR } from '../workspace/nearest.js';

/** Where every file of a workspace lives. */
export class WorkspacePaths {
  /** Absolute workspace root (the folder that holds `.radium`). */
  readonly root: string;
  /** `.radium` */
  readonly radiumDir: string;
  /** `.radium/_internals/sessions` */
  readonly sessionsDir: string;
  constructor(root: string) {
    this.root = path.resolve(root);
    // Computed once: a full index build asks for a report's path 100,000 times.
    this.radiumDir = path.join(this.root, WORKSPACE_DIR);
    this.sessionsDir = path.join(this.radiumDir, '_internals', 'sessions');
  }
  /** `.radium/_internals/stats.db`, the stats store (a cache of the reports). */
  get databaseFile(): string {
    return path.join(this.radiumDir, '_internals', 'stats.db');
  }
  /** `.radium/_internals/imports`, importer bookkeeping. */
  get importsDir(): string {
    return path.join(this.radiumDir, '_internals', 'imports');
  }
  /** The team config file, checked into the repository. */
  get configFile(): string {
    return path.join(this.radiumDir, 'stats.config.json');
  }
  /** Report file of a session. */
  reportFile(sessionId: string): string {
    return `${this.sessionsDir}${path.sep}${assertSessionId(sessionId)}${REPORT_SUFFIX}`;
  }
  /** Journal file of a session. */
  journalFile(sessionId: string): string {
    return `${this.sessionsDir}${path.sep}${assertSessionId(sessionId)}${JOURNAL_SUFFIX}`;
  }
}

/** Suffix of journal files. */
export const JOURNAL_SUFFIX = '.events.jsonl';
/** Suffix of report files. */
export const REPORT_SUFFIX = '.json';
