import type { ActivePlugin } from '../report/fold.js';
import type { Manifest } from './manifest.js';
import type { Row } from './rows.js';
import type { SegmentRef } from './segment-build.js';
import { readSegmentRows } from './segment-files.js';

/** A plugin's sections merged over many sessions, and how many sessions had one. */
export interface MergedSection {
  section: unknown;
  sessions: number;
}

/** A consistent, read-only state of the index: one manifest and the segments it names. */
export class IndexView {
  constructor(
    private readonly indexDir: string,
    /** The manifest this view reads. */
    readonly manifest: Manifest,
    private readonly segments: readonly SegmentRef[],
  ) {}

  /** Readable reports indexed. */
  get rowCount(): number {
    return this.manifest.segments.reduce((n, s) => n + s.count, 0);
  }

  private rowsOf(index: number, limit?: number): Row[] {
    const segment = this.segments[index]!;
    return segment.rows ? segment.rows.slice(0, limit) : readSegmentRows(this.indexDir, segment.meta, limit);
  }

  /** The first `n` rows in history order (newest first); reads only the segments they are in. */
  head(n: number): Row[] {
    const out: Row[] = [];
    for (let i = 0; i < this.segments.length && out.length < n; i++) out.push(...this.rowsOf(i, n - out.length));
    return out;
  }

  /** Every row in history order, one segment in memory at a time. */
  *rows(): Generator<Row> {
    for (let i = 0; i < this.segments.length; i++) yield* this.rowsOf(i);
  }

  /**
   * Each plugin's sections merged over every indexed session, from the segments' pre-merged
   * aggregates (merge is associative), so no row is read. Merge failures come back as messages.
   */
  merged(plugins: readonly ActivePlugin[]): { sections: Record<string, MergedSection[]>; failures: string[] } {
    const sections: Record<string, MergedSection[]> = {};
    const failures = new Set<string>();
    for (const { plugin } of plugins) {
      const parts: MergedSection[] = [];
      for (const meta of this.manifest.segments) {
        const part = meta.merged[plugin.id];
        if (part) parts.push(part as MergedSection);
        const failure = meta.failed[plugin.id];
        if (failure) failures.add(failure);
      }
      sections[plugin.id] = parts;
    }
    return { sections, failures: [...failures] };
  }
}
