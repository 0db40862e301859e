import path from 'node:path';
import { REPORT_SUFFIX } from '../store/paths.js';
import { Bucket } from './bucket.js';
import type { IndexDeps } from './deps.js';
import { INDEX_FORMAT, type BrokenEntry, type Manifest } from './manifest.js';
import { compareNewestFirst, type SessionKey } from './order.js';
import type { Probe } from './probe.js';
import { throttledProgress } from './progress.js';
import { entryFromText, readEntry, unreadable, type EntryResult } from './read-entry.js';
import { readAhead } from './read-ahead.js';
import { isRacy } from './stamps.js';
import { rowKey, sortRows, type Row } from './rows.js';
import { scanSessions, type SessionNames } from './scan.js';
import { SEGMENT_ROWS, chunkRows, describeSegment, type SegmentRef } from './segment-build.js';

/** A new state of the index, not yet written. */
export interface IndexState {
  manifest: Manifest;
  segments: SegmentRef[];
}

/** Up to this many reports the build stays in memory; past it, rows stream to segment files. */
const IN_MEMORY_ROWS = 4 * SEGMENT_ROWS;
/** Reports read first, at random, to decide where segment boundaries fall before the rest stream in. */
const SAMPLE_ROWS = 2 * SEGMENT_ROWS;

/** Sessions with a journal and no report, sorted. */
export function journalOnly(names: SessionNames): string[] {
  return [...names.journals].filter((id) => !names.reports.has(id)).sort();
}

/** `count` ids picked at random (deterministically), for the sample. */
function sampleOf(ids: readonly string[], count: number): string[] {
  const copy = [...ids];
  let seed = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    const j = i + (seed % (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

/** Boundary keys that cut the sampled keys into `parts` runs of equal size; the last bucket takes the rest. */
function boundaries(sample: SessionKey[], parts: number): SessionKey[] {
  if (sample.length === 0) return [];
  const sorted = [...sample].sort(compareNewestFirst);
  return Array.from({ length: parts - 1 }, (_, b) => sorted[Math.max(0, Math.floor(((b + 1) * sorted.length) / parts) - 1)]!);
}

function bucketOf(cuts: SessionKey[], key: SessionKey): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareNewestFirst(key, cuts[mid]!) <= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Builds the index from nothing: one listing, then every report read once (the floor any tool
 * pays) and summarized. Memory stays bounded at any size: once a sample of rows has fixed where
 * the segments will split, each row goes straight to its segment's file and only its key stays.
 * Small workspaces are built in memory. `streaming` false forces memory (an unwritable folder).
 */
export async function buildIndex(deps: IndexDeps, probe: Probe, streaming = true): Promise<IndexState> {
  const names = scanSessions(deps.paths.sessionsDir);
  const ids = [...names.reports];
  const broken: BrokenEntry[] = [];
  const tick = throttledProgress(deps.progress, ids.length);
  let done = 0;
  const take = (result: EntryResult): Row | undefined => {
    tick(++done);
    if (done % 500 === 0) deps.onBusy?.();
    if ('broken' in result) broken.push(result.broken);
    return 'row' in result ? result.row : undefined;
  };
  let segments: SegmentRef[];
  if (!streaming || ids.length <= IN_MEMORY_ROWS) {
    const rows: Row[] = [];
    for (const id of ids) {
      const row = take(await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now()));
      if (row) rows.push(row);
    }
    segments = chunkRows(sortRows(rows)).map((chunk) => describeSegment(chunk, deps.plugins));
  } else {
    // A random sample fixes the segment boundaries; the rest is then read in directory order
    // (faster than random order for the file system) and streamed to its segment. A second
    // thread does the reading while this one parses.
    const sampled = sampleOf(ids, SAMPLE_ROWS);
    const skip = new Set(sampled);
    const order = [...sampled, ...ids.filter((id) => !skip.has(id))];
    const sample: Row[] = [];
    let cuts: SessionKey[] = [];
    let buckets: Bucket[] = [];
    const add = (row: Row) => {
      const key = rowKey(row);
      buckets[bucketOf(cuts, key)]!.add(row, key);
    };
    // Ids came from the listing, so they are valid file names: plain concatenation is enough here.
    const dir = deps.paths.sessionsDir;
    for await (const read of readAhead(order.map((id) => `${dir}${path.sep}${id}${REPORT_SUFFIX}`))) {
      const id = order[read.index]!;
      const result = read.data
        ? await entryFromText(deps.store, deps.plugins, deps.warn, id, { size: read.size, mtimeMs: isRacy(read.mtimeMs, deps.now()) ? -1 : read.mtimeMs }, read.data.toString('utf8'))
        : unreadable(deps.paths.reportFile(id), id, read.error ?? 'EIO', deps.warn);
      const row = take(result);
      if (read.index < sampled.length) {
        if (row) sample.push(row);
        if (read.index === sampled.length - 1) {
          cuts = boundaries(sample.map(rowKey), Math.ceil(ids.length / SEGMENT_ROWS));
          buckets = Array.from({ length: cuts.length + 1 }, () => new Bucket(deps.paths.indexDir, deps.plugins));
          sample.splice(0).forEach(add);
        }
      } else if (row) {
        add(row);
      }
    }
    segments = buckets.flatMap((b) => b.finish());
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    sessions: probe.sessions,
    log: probe.log,
    segments: segments.map((s) => s.meta),
    journals: journalOnly(names),
    broken,
    retired: [],
  };
  return { manifest, segments };
}
