import path from 'node:path';
import { REPORT_SUFFIX } from '../store/paths.js';
import type { BucketPart } from './bucket.js';
import { BuildThreadError, BuildThreads } from './build-threads.js';
import type { IndexDeps } from './deps.js';
import { finishSegment } from './finish-segment.js';
import { INDEX_FORMAT, type Manifest } from './manifest.js';
import type { SessionKey } from './order.js';
import { BucketSet, boundaries, sampleOf } from './partition.js';
import type { Probe } from './probe.js';
import { entryFromText, readEntry, refoldEntry, unreadable, type EntryResult } from './read-entry.js';
import { readAhead } from './read-ahead.js';
import { isRacy } from './stamps.js';
import { rowKey, sortRows, type Row } from './rows.js';
import { scanSessions, type SessionNames } from './scan.js';
import { SEGMENT_ROWS, chunkRows, describeSegment, type SegmentRef } from './segment-build.js';
import { Tally } from './tally.js';

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

/** How many build threads to use for this many reports: none when there is no way to load the plugins there. */
function threadCount(deps: IndexDeps, reports: number): number {
  const threads = deps.threads;
  return threads && threads.count >= 2 && reports >= threads.minReports ? threads.count : 0;
}

/** Reads `ids` on this thread (a second one does the file reading) into `buckets`. */
async function readHere(deps: IndexDeps, ids: readonly string[], buckets: BucketSet, tally: Tally): Promise<void> {
  // Ids came from the listing, so they are valid file names: plain concatenation is enough here.
  const dir = deps.paths.sessionsDir;
  for await (const read of readAhead(ids.map((id) => `${dir}${path.sep}${id}${REPORT_SUFFIX}`))) {
    const id = ids[read.index]!;
    const result = read.data
      ? await entryFromText(deps.store, deps.plugins, deps.warn, id, { size: read.size, mtimeMs: isRacy(read.mtimeMs, deps.now()) ? -1 : read.mtimeMs }, read.data.toString('utf8'), true)
      : unreadable(deps.paths.reportFile(id), id, read.error ?? 'EIO', deps.warn);
    const row = tally.take(result);
    if (row) buckets.add(row);
  }
}

/** Has build threads read `ids` into their own parts; undefined when they failed (nothing of theirs is then used). */
async function readInThreads(deps: IndexDeps, pool: BuildThreads, cuts: SessionKey[], ids: readonly string[], tally: Tally): Promise<{ parts: BucketPart[][]; refolded: Row[] } | undefined> {
  const undo = tally.mark();
  const refolds: Promise<EntryResult>[] = [];
  try {
    const parts = await pool.run(cuts, ids, {
      warn: deps.warn,
      broken: (entry) => tally.broken.push(entry),
      refold: (id, stamp, message) => refolds.push(refoldEntry(deps.store, deps.plugins, deps.warn, id, stamp, message)),
      progress: (count) => tally.advance(count),
    });
    const refolded: Row[] = [];
    for (const result of await Promise.all(refolds)) {
      const row = tally.keep(result);
      if (row) refolded.push(row);
    }
    return { parts, refolded };
  } catch (error) {
    if (!(error instanceof BuildThreadError)) throw error;
    await Promise.allSettled(refolds);
    undo();
    return undefined;
  } finally {
    await pool.terminate();
  }
}

/**
 * Builds the index from nothing: one listing, then every report read once (the floor any tool
 * pays) and summarized. Memory stays bounded at any size: once a sample of rows has fixed where
 * the segments will split, each row goes straight to its segment's file and only its key stays.
 * Small workspaces are built in memory. `streaming` false forces memory (an unwritable folder).
 * A large build spreads the checking and summarizing over build threads when it can.
 */
export async function buildIndex(deps: IndexDeps, probe: Probe, streaming = true): Promise<IndexState> {
  const names = scanSessions(deps.paths.sessionsDir);
  const ids = [...names.reports];
  const tally = new Tally(deps, ids.length);
  let segments: SegmentRef[];
  if (!streaming || ids.length <= IN_MEMORY_ROWS) {
    const rows: Row[] = [];
    for (const id of ids) {
      const row = tally.take(await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now()));
      if (row) rows.push(row);
    }
    segments = chunkRows(sortRows(rows)).map((chunk) => describeSegment(chunk, deps.plugins));
  } else {
    // Threads start loading plugins while this one reads a random sample, which fixes the
    // segment boundaries; the rest is then read in directory order (faster than random order
    // for the file system) and streamed to its segment.
    const count = threadCount(deps, ids.length);
    const starting = count > 0 ? BuildThreads.start({ ...deps.threads!, count }, deps.plugins, deps.paths, deps.now()) : undefined;
    const sampled = sampleOf(ids, SAMPLE_ROWS);
    const sample: Row[] = [];
    for (const id of sampled) {
      const row = tally.take(await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now(), true));
      if (row) sample.push(row);
    }
    const cuts = boundaries(sample.map(rowKey), Math.ceil(ids.length / SEGMENT_ROWS));
    const own = new BucketSet(cuts, deps.paths.indexDir, deps.plugins);
    sample.forEach((row) => own.add(row));
    const skip = new Set(sampled);
    const rest = ids.filter((id) => !skip.has(id));
    const pool = await starting;
    const threaded = pool ? await readInThreads(deps, pool, cuts, rest, tally) : undefined;
    if (threaded) threaded.refolded.forEach((row) => own.add(row));
    else await readHere(deps, rest, own, tally);
    const others = threaded?.parts ?? [];
    segments = [];
    for (const [b, part] of own.close().entries()) segments.push(...(await finishSegment(deps, [part, ...others.map((parts) => parts[b]!)])));
  }
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    sessions: probe.sessions,
    log: probe.log,
    segments: segments.map((s) => s.meta),
    journals: journalOnly(names),
    broken: tally.broken,
    retired: [],
  };
  return { manifest, segments };
}
