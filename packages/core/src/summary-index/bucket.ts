import { appendFileSync } from 'node:fs';
import type { ActivePlugin } from '../report/fold.js';
import type { SessionKey } from './order.js';
import type { Row } from './rows.js';
import { newSegmentName, rowsPath } from './segment-files.js';

/**
 * Sections merged in groups of this many, and rows text buffered up to FLUSH_BYTES before it is
 * appended to the bucket's file. Rows arrive spread over a hundred buckets, so a section waits for
 * about a hundred times the batch of rows: with 4 that is short enough for most to die young in
 * the garbage collector's eyes. Larger batches merge slightly faster but had every section copied
 * to the old generation (32: about 350 MB more copying at 100,000 sessions).
 */
const MERGE_BATCH = 4;
const FLUSH_BYTES = 64 * 1024;

/** A plugin's sections merged so far, or why merging failed. */
export interface PartMerge {
  merged?: { section: unknown; sessions: number };
  failed?: string;
}

/**
 * What one thread wrote of a future segment, once closed: its rows file and each row's key and
 * place in it. Plain data, so a build thread can hand it to the thread that finishes the segment.
 */
export interface BucketPart {
  /** Name the rows file was written under (`<name>.rows.jsonl`). */
  name: string;
  /** Bytes in the rows file. */
  written: number;
  starts: number[];
  ids: string[];
  sizes: number[];
  mtimes: number[];
  offsets: number[];
  lengths: number[];
  /** Plugin id to its sections merged over this part's rows. */
  merges: Record<string, PartMerge>;
  /** True when the rows' text was not kept (offsets and lengths are then 0): see BucketSet. */
  noRows: boolean;
}

/**
 * One future segment of a streaming build, as one thread sees it. Rows arrive in any order: their
 * lines are appended to the part's rows file as they come and only their keys stay in memory, and
 * their sections are merged in small batches (merge is associative), so neither rows nor sections
 * pile up.
 */
export class Bucket {
  private readonly part: BucketPart;
  // Row text waits here, outside the JS heap, until a flush: a hundred buckets' worth of pending
  // strings would otherwise survive every young-generation collection and be copied each time.
  private staging: Buffer | undefined;
  private buffered = 0;
  private readonly pending = new Map<string, unknown[]>();

  constructor(
    private readonly dir: string,
    private readonly plugins: readonly ActivePlugin[],
    keepRows: boolean,
  ) {
    this.part = { name: newSegmentName(), written: 0, starts: [], ids: [], sizes: [], mtimes: [], offsets: [], lengths: [], merges: {}, noRows: !keepRows };
    for (const { plugin } of plugins) {
      this.pending.set(plugin.id, []);
      this.part.merges[plugin.id] = {};
    }
  }

  /** Adds a row. */
  add(row: Row, key: SessionKey): void {
    const part = this.part;
    part.starts.push(key[0]);
    part.ids.push(key[1]);
    part.sizes.push(row.size);
    part.mtimes.push(row.mtimeMs);
    if (part.noRows) {
      part.offsets.push(0);
      part.lengths.push(0);
    } else {
      this.keepText(row);
    }
    for (const { plugin } of this.plugins) {
      const section = row.summary.sections[plugin.id];
      if (section === undefined) continue;
      const pending = this.pending.get(plugin.id)!;
      pending.push(section);
      if (pending.length >= MERGE_BATCH) this.mergePending(plugin);
    }
  }

  private keepText(row: Row): void {
    const part = this.part;
    const line = JSON.stringify(row);
    const length = Buffer.byteLength(line);
    if (this.buffered + length + 1 > FLUSH_BYTES) this.flush();
    part.offsets.push(part.written + this.buffered);
    part.lengths.push(length);
    if (length + 1 > FLUSH_BYTES) {
      appendFileSync(rowsPath(this.dir, part.name), `${line}\n`);
      part.written += length + 1;
    } else {
      this.staging ??= Buffer.allocUnsafeSlow(FLUSH_BYTES);
      this.buffered += this.staging.write(line, this.buffered);
      this.staging[this.buffered++] = 0x0a;
    }
  }

  private flush(): void {
    if (this.buffered === 0) return;
    appendFileSync(rowsPath(this.dir, this.part.name), this.staging!.subarray(0, this.buffered));
    this.part.written += this.buffered;
    this.buffered = 0;
  }

  private mergePending(plugin: ActivePlugin['plugin']): void {
    const pending = this.pending.get(plugin.id)!;
    const state = this.part.merges[plugin.id]!;
    if (pending.length === 0 || state.failed) return;
    const parts = state.merged ? [state.merged.section, ...pending] : pending;
    try {
      state.merged = { section: parts.length === 1 ? parts[0] : plugin.merge(parts), sessions: (state.merged?.sessions ?? 0) + pending.length };
    } catch (error) {
      delete state.merged;
      state.failed = `Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`;
    }
    this.pending.set(plugin.id, []);
  }

  /** Writes what is buffered and merges what is pending; the part is then complete. */
  close(): BucketPart {
    this.flush();
    for (const { plugin } of this.plugins) this.mergePending(plugin);
    return this.part;
  }
}
