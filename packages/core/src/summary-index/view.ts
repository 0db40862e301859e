import type { ActivePlugin } from '../report/fold.js';
import type { Manifest } from './manifest.js';
import type { SessionKey } from './order.js';
import { rowKey, type Row } from './rows.js';
import type { SegmentRef } from './segment-build.js';
import { readSegmentKeys, readSegmentMerged, readSegmentRows } from './segment-files.js';

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

  /** Every indexed session's key ([start ms, id]) in history order, from the small key files only. */
  *keys(): Generator<SessionKey> {
    for (const segment of this.segments) {
      if (segment.rows) {
        yield* segment.rows.map(rowKey);
        continue;
      }
      const keys = readSegmentKeys(this.indexDir, segment.meta);
      for (let i = 0; i < keys.ids.length; i++) yield [keys.starts[i]!, keys.ids[i]!];
    }
  }

  /** Every row in history order, one segment in memory at a time. */
  *rows(): Generator<Row> {
    for (let i = 0; i < this.segments.length; i++) yield* this.rowsOf(i);
  }

  /**
   * Each plugin's sections merged per segment over every indexed session (merge is associative,
   * so these can be merged again), read from the segments' small merged files: no row is read.
   * Merge failures come back as messages.
   */
  merged(plugins: readonly ActivePlugin[]): { sections: Record<string, MergedSection[]>; failures: string[] } {
    const sections: Record<string, MergedSection[]> = {};
    const failures = new Set<string>();
    const all = this.segments.map((s) => s.merged ?? readSegmentMerged(this.indexDir, s.meta));
    for (const { plugin } of plugins) {
      const parts: MergedSection[] = [];
      for (const { merged, failed } of all) {
        const part = merged[plugin.id];
        if (part) parts.push(part);
        const failure = failed[plugin.id];
        if (failure) failures.add(failure);
      }
      sections[plugin.id] = parts;
    }
    return { sections, failures: [...failures] };
  }
}
