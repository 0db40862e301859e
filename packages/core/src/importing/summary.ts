/** A folder that was searched. */
export interface SearchedSource {
  /** Absolute path. */
  path: string;
  /** False when the folder does not exist (nothing to import from it). */
  exists: boolean;
}

/** Files skipped for one reason. */
export interface SkipCount {
  /** Why, in words (`outside this workspace`). */
  reason: string;
  /** How many files. */
  files: number;
}

/** What one `rad stats import` run did (the `--json` output). */
export interface ImportSummary {
  /** Importer id (`claude-code`). */
  importer: string;
  /** Importer title (`Claude Code`). */
  title: string;
  /** Workspace the sessions were filtered by, or null with `--all-projects`. */
  workspace: string | null;
  /** `--since` as ISO 8601, or null. */
  since: string | null;
  /** Folders searched. */
  sources: SearchedSource[];
  files: {
    /** Log files found. */
    found: number;
    /** Files read in this run (new, grown or re-imported). */
    read: number;
    /** Files unchanged since the last run (not read). */
    unchanged: number;
    /** Files skipped, see `skipped`. */
    skipped: number;
  };
  sessions: {
    /** Ids of sessions imported for the first time. */
    imported: string[];
    /** Ids of sessions that got new records (or were re-imported because their file was rewritten). */
    updated: string[];
    /** Sessions already imported and unchanged. */
    unchanged: number;
  };
  /** Skipped files by reason. */
  skipped: SkipCount[];
  lines: {
    /** Lines that were not valid JSON, skipped. */
    invalid: number;
    /** Lines longer than the line limit, skipped without reading them. */
    overlong: number;
    /** Unfinished last lines (a crash or a session still writing), left to read when complete. */
    torn: number;
    /** Events the importer produced that did not match the protocol, dropped. */
    invalidEvents: number;
  };
  /** Bytes read. */
  bytesRead: number;
  /** Wall time of the run. */
  durationMs: number;
}

/** Counts skipped files by reason, in first-seen order. */
export class SkipTally {
  private readonly counts = new Map<string, number>();
  /** Adds `files` files skipped for `reason`. */
  add(reason: string, files = 1): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + files);
  }
  /** Total files skipped. */
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
  /** The counts, largest first. */
  list(): SkipCount[] {
    return [...this.counts.entries()].map(([reason, files]) => ({ reason, files })).sort((a, b) => b.files - a.files);
  }
}
