import type { ActivePlugin } from '../report/fold.js';
import { pluginFingerprint } from './fingerprint.js';
import type { SegmentMeta } from './manifest.js';
import { rowKey, type Row } from './rows.js';
import { newSegmentName, writeSegmentFiles, type SegmentMerged } from './segment-files.js';

/**
 * Rows per segment. History's first page reads one segment (about 0.5 MB at this size) and a new
 * session rewrites one; merged views read one pre-merged aggregate per segment (100 at 100,000
 * sessions). Smaller segments make the first two cheaper and the third dearer.
 */
export const SEGMENT_ROWS = 1000;

/** A segment as the index holds it: its manifest entry, plus its contents when they are in memory. */
export interface SegmentRef {
  meta: SegmentMeta;
  /** Present when this process built the segment (or could not write it): no need to read it back. */
  rows?: Row[];
  /** Its merged sections, when in memory. */
  merged?: SegmentMerged;
}

function mergeSections(rows: readonly Row[], plugins: readonly ActivePlugin[]): SegmentMerged {
  const merged: SegmentMerged['merged'] = {};
  const failed: SegmentMerged['failed'] = {};
  for (const { plugin } of plugins) {
    const sections = rows.map((r) => r.summary.sections[plugin.id]).filter((s) => s !== undefined);
    if (sections.length === 0) continue;
    try {
      merged[plugin.id] = { section: plugin.merge(sections), sessions: sections.length };
    } catch (error) {
      failed[plugin.id] = `Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`;
    }
  }
  return { merged, failed };
}

/** Splits sorted rows into segments of about SEGMENT_ROWS (equal sizes, none over twice that). */
export function chunkRows(rows: Row[]): Row[][] {
  if (rows.length === 0) return [];
  const parts = Math.ceil(rows.length / SEGMENT_ROWS);
  const size = Math.ceil(rows.length / parts);
  const out: Row[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Describes sorted rows as a segment (merging their sections) without writing anything. */
export function describeSegment(rows: Row[], plugins: readonly ActivePlugin[]): SegmentRef {
  const fingerprints: Record<string, string> = {};
  for (const { plugin } of plugins) fingerprints[plugin.id] = pluginFingerprint(plugin);
  const meta: SegmentMeta = {
    name: newSegmentName(),
    count: rows.length,
    newest: [...rowKey(rows[0]!)],
    oldest: [...rowKey(rows[rows.length - 1]!)],
    plugins: fingerprints,
    bytes: { keys: 0, rows: 0, merged: 0 },
  };
  return { meta, rows, merged: mergeSections(rows, plugins) };
}

/** Writes a described segment's files and records their sizes in its manifest entry. */
export function storeSegment(dir: string, segment: SegmentRef): void {
  segment.meta.bytes = writeSegmentFiles(dir, segment.meta.name, segment.rows!, segment.merged!);
}
