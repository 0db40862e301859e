import { z } from 'zod';

/** Skip reason of a session whose working directory is outside the workspace (importers use it when they can tell from the path). */
export const SKIP_OUTSIDE_WORKSPACE = 'outside this workspace (use --all-projects)';

const count = z.number().int().nonnegative();

/** What one `rad stats import` run did: its `--json` output. */
export const importSummarySchema = z.object({
  importer: z.string().describe('Importer id, e.g. `claude-code`'),
  title: z.string().describe('Importer title, e.g. `Claude Code`'),
  workspace: z.string().nullable().describe('Workspace the sessions were filtered by, or null with --all-projects'),
  since: z.string().nullable().describe('--since as ISO 8601, or null'),
  sources: z.array(z.object({ path: z.string(), exists: z.boolean() })).describe('Folders searched; a missing one has nothing to import'),
  files: z.object({
    found: count.describe('Log files found'),
    read: count.describe('Files read in this run (new, grown or re-imported)'),
    unchanged: count.describe('Files unchanged since the last run, not read'),
    skipped: count.describe('Files skipped, see `skipped`'),
  }),
  sessions: z.object({
    imported: z.array(z.string()).describe('Ids of sessions imported for the first time'),
    updated: z.array(z.string()).describe('Ids of sessions with new records, or re-imported because their log was rewritten'),
    unchanged: count.describe('Sessions imported before and unchanged'),
  }),
  skipped: z.array(z.object({ reason: z.string(), files: count })).describe('Skipped files by reason, most first'),
  lines: z.object({
    invalid: count.describe('Lines that were not valid JSON, skipped'),
    overlong: count.describe('Lines over the line size limit, skipped without reading them'),
    torn: count.describe('Unfinished last lines (a crash, or a session still writing), read once complete'),
    invalidEvents: count.describe('Events the importer produced that did not match the protocol, dropped'),
  }),
  bytesRead: count.describe('Bytes of logs read'),
  durationMs: count.describe('Wall time of the run'),
});

/** What one `rad stats import` run did. */
export type ImportSummary = z.infer<typeof importSummarySchema>;
/** A folder that was searched. */
export type SearchedSource = ImportSummary['sources'][number];
/** Files skipped for one reason. */
export type SkipCount = ImportSummary['skipped'][number];

/** Counts skipped files by reason. */
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
  /** The counts, most first. */
  list(): SkipCount[] {
    return [...this.counts.entries()].map(([reason, files]) => ({ reason, files })).sort((a, b) => b.files - a.files);
  }
}
