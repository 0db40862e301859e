import type { ActivePlugin } from '../report/fold.js';
import type { Manifest, SegmentMeta } from './manifest.js';
import type { SessionKey } from './order.js';
import { rowKey, type Row } from './rows.js';
import type { SegmentRef } from './segment-build.js';
import { readSegmentKeys, readSegmentMerged } from './segment-files.js';
import type { LoadedRows } from './segment-rows.js';

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
    /** Reads rows `from` to `to` of a segment from disk (from the reports when it has no rows file). */
    private readonly load: (meta: SegmentMeta, to?: number, from?: number) => Promise<LoadedRows>,
  ) {}

  /** Readable reports indexed. */
  get rowCount(): number {
    return this.manifest.segments.reduce((n, s) => n + s.count, 0);
  }

  private async rowsOf(index: number, to?: number, from = 0): Promise<Row[]> {
    const segment = this.segments[index]!;
    return segment.rows ? segment.rows.slice(from, to) : (await this.load(segment.meta, to, from)).rows;
  }

  /** Rows `from` (inclusive) to `to` (exclusive) in history order (newest first); reads only the segments they are in. */
  async slice(from: number, to: number): Promise<Row[]> {
    const out: Row[] = [];
    let start = 0;
    for (let i = 0; i < this.segments.length && start < to; i++) {
      const count = this.segments[i]!.meta.count;
      if (start + count > from) out.push(...(await this.rowsOf(i, to - start, Math.max(0, from - start))));
      start += count;
    }
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
  async *rows(): AsyncGenerator<Row> {
    for (let i = 0; i < this.segments.length; i++) yield* await this.rowsOf(i);
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
