import { appendFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ActivePlugin } from '../report/fold.js';
import { pluginFingerprint } from './fingerprint.js';
import type { SegmentMeta } from './manifest.js';
import { compareNewestFirst, type SessionKey } from './order.js';
import type { Row } from './rows.js';
import { SEGMENT_ROWS, chunkRows, describeSegment, storeSegment, type SegmentRef } from './segment-build.js';
import {
  keysPath,
  newSegmentName,
  readSegmentRows,
  rowsPath,
  segmentFileNames,
  serializeKeys,
  writeMergedFile,
  writeWhole,
  type SegmentKeys,
  type SegmentMerged,
} from './segment-files.js';

/**
 * Sections merged in groups of this many (fewer, larger merges are cheaper), and rows text
 * buffered up to FLUSH_BYTES before it is appended to the bucket's file. With a hundred buckets
 * both stay a few MB.
 */
const MERGE_BATCH = 32;
const FLUSH_BYTES = 64 * 1024;

interface Merging {
  merged?: { section: unknown; sessions: number };
  pending: unknown[];
  failed?: string;
}

/**
 * One future segment of a streaming build. Rows arrive in any order: their lines are appended to
 * the segment's rows file as they come and only their keys stay in memory, and their sections are
 * merged in small batches (merge is associative), so neither rows nor sections pile up.
 */
export class Bucket {
  readonly name = newSegmentName();
  // Keys as columns of primitives rather than an object per row: fewer objects for the collector.
  private readonly starts: number[] = [];
  private readonly ids: string[] = [];
  private readonly sizes: number[] = [];
  private readonly mtimes: number[] = [];
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly lines: string[] = [];
  private buffered = 0;
  private written = 0;
  private readonly merging = new Map<string, Merging>();

  constructor(
    private readonly dir: string,
    private readonly plugins: readonly ActivePlugin[],
  ) {
    for (const { plugin } of plugins) this.merging.set(plugin.id, { pending: [] });
  }

  /** Adds a row. */
  add(row: Row, key: SessionKey): void {
    const line = `${JSON.stringify(row)}\n`;
    const length = Buffer.byteLength(line);
    this.starts.push(key[0]);
    this.ids.push(key[1]);
    this.sizes.push(row.size);
    this.mtimes.push(row.mtimeMs);
    this.offsets.push(this.written + this.buffered);
    this.lengths.push(length - 1);
    this.lines.push(line);
    this.buffered += length;
    if (this.buffered >= FLUSH_BYTES) this.flush();
    for (const { plugin } of this.plugins) {
      const section = row.summary.sections[plugin.id];
      if (section === undefined) continue;
      const state = this.merging.get(plugin.id)!;
      state.pending.push(section);
      if (state.pending.length >= MERGE_BATCH) this.mergePending(plugin, state);
    }
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    appendFileSync(rowsPath(this.dir, this.name), this.lines.join(''));
    this.written += this.buffered;
    this.lines.length = 0;
    this.buffered = 0;
  }

  private mergePending(plugin: ActivePlugin['plugin'], state: Merging): void {
    if (state.pending.length === 0 || state.failed) return;
    const parts = state.merged ? [state.merged.section, ...state.pending] : state.pending;
    try {
      state.merged = { section: parts.length === 1 ? parts[0] : plugin.merge(parts), sessions: (state.merged?.sessions ?? 0) + state.pending.length };
    } catch (error) {
      state.failed = `Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`;
    }
    state.pending = [];
  }

  /** Writes the keys file and describes the segment; a bucket that grew past twice the segment size is split (re-reading its rows). */
  finish(): SegmentRef[] {
    this.flush();
    const n = this.ids.length;
    if (n === 0) return [];
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareNewestFirst([this.starts[a]!, this.ids[a]!], [this.starts[b]!, this.ids[b]!]));
    const keys: SegmentKeys = {
      ids: order.map((i) => this.ids[i]!),
      starts: order.map((i) => this.starts[i]!),
      sizes: order.map((i) => this.sizes[i]!),
      mtimes: order.map((i) => this.mtimes[i]!),
      offsets: order.map((i) => this.offsets[i]!),
      lengths: order.map((i) => this.lengths[i]!),
    };
    const keysData = serializeKeys(keys);
    writeWhole(keysPath(this.dir, this.name), keysData);
    const meta: SegmentMeta = {
      name: this.name,
      count: n,
      newest: [this.starts[order[0]!]!, this.ids[order[0]!]!],
      oldest: [this.starts[order[n - 1]!]!, this.ids[order[n - 1]!]!],
      plugins: Object.fromEntries(this.plugins.map(({ plugin }) => [plugin.id, pluginFingerprint(plugin)])),
      bytes: { keys: Buffer.byteLength(keysData), rows: this.written, merged: 0 },
    };
    const merged: SegmentMerged = { merged: {}, failed: {} };
    for (const { plugin } of this.plugins) {
      const state = this.merging.get(plugin.id)!;
      this.mergePending(plugin, state);
      if (state.failed) merged.failed[plugin.id] = state.failed;
      else if (state.merged) merged.merged[plugin.id] = state.merged;
    }
    meta.bytes.merged = writeMergedFile(this.dir, this.name, merged);
    if (meta.count <= 2 * SEGMENT_ROWS) return [{ meta, merged }];
    // The sample misjudged this part of history: split it like any large segment.
    const rows = readSegmentRows(this.dir, meta);
    const parts = chunkRows(rows).map((chunk) => describeSegment(chunk, this.plugins));
    for (const part of parts) storeSegment(this.dir, part);
    for (const file of segmentFileNames(this.name)) rmSync(path.join(this.dir, file), { force: true });
    return parts.map((part) => ({ meta: part.meta, merged: part.merged! }));
  }
}
