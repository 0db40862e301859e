import { statSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { REPORT_SUFFIX } from '../store/paths.js';
import { unusableReport } from '../store/read-report.js';
import type { BucketPart } from './bucket.js';
import { BuildThreadError, BuildThreads, ChunkQueue, type ThreadLaunch } from './build-threads.js';
import type { IndexDeps } from './deps.js';
import { finishSegment } from './finish-segment.js';
import { INDEX_FORMAT, type BrokenEntry, type Manifest } from './manifest.js';
import type { SessionKey } from './order.js';
import { BucketSet, boundaries, sampleOf } from './partition.js';
import type { Probe } from './probe.js';
import { entryFromText, readEntry, refoldEntry, unreadable, unusableEntry, type EntryResult } from './read-entry.js';
import { readAhead } from './read-ahead.js';
import { fileStamp, isRacy } from './stamps.js';
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

/** How many threads read reports for this many, the calling one included: 1 when there is no way to load the plugins elsewhere. */
function threadCount(deps: IndexDeps, reports: number): number {
  const threads = deps.threads;
  return threads && threads.count >= 2 && reports >= threads.minReports ? threads.count : 1;
}

/**
 * Bytes of a folder's reported size per session, at most, where a file system reports one: ext4
 * and xfs charge about 80 a name and a session has a report and a journal. A folder never shrinks
 * there, so a guess can be high; tmpfs charges 20 a name (a low guess); Windows reports 0.
 */
const FOLDER_BYTES_PER_SESSION = 160;

/** How many reports the sessions folder may hold, from its size alone (no listing). */
function guessReports(dir: string): number {
  try {
    return Math.floor(statSync(dir).size / FOLDER_BYTES_PER_SESSION);
  } catch {
    return 0;
  }
}

/** Reads `ids` on this thread (a second one does the file reading) into `buckets`. */
async function readHere(deps: IndexDeps, ids: readonly string[], buckets: BucketSet, tally: Tally): Promise<void> {
  // Ids came from the listing, so they are valid file names: plain concatenation is enough here.
  const dir = deps.paths.sessionsDir;
  for await (const read of readAhead(ids.map((id) => `${dir}${path.sep}${id}${REPORT_SUFFIX}`))) {
    const id = ids[read.index]!;
    const file = deps.paths.reportFile(id);
    const result = read.data
      ? await entryFromText(deps.store, deps.plugins, deps.warn, id, { size: read.size, mtimeMs: isRacy(read.mtimeMs, deps.now()) ? -1 : read.mtimeMs }, read.data.toString('utf8'), true)
      : read.found
        ? await unusableEntry(deps.store, deps.plugins, deps.warn, id, unusableReport(file, read.found), fileStamp(file, deps.now()) ?? { size: 0, mtimeMs: -1 })
        : unreadable(file, id, read.error ?? 'EIO', deps.warn);
    const row = tally.take(result);
    if (row) buckets.add(row);
  }
}

/** Reads `ids` on this thread, file by file (the sample, or a chunk while build threads keep the other cores busy). */
async function readChunk(deps: IndexDeps, ids: readonly string[], into: { add(row: Row): void }, tally: Tally): Promise<void> {
  for (const id of ids) {
    const row = tally.take(await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now(), true));
    if (row) into.add(row);
  }
}

/** Reports read between two looks at the threads' messages while this thread reads the sample. */
const SAMPLE_STRIDE = 64;

/**
 * Reads the random sample `sampled` and returns this thread's buckets for the `parts` segments
 * its keys cut history into, holding the sample's rows. It looks at messages now and then: build
 * threads that have loaded wait to hear it, and start on the rest before the cuts are known.
 */
async function readSample(deps: IndexDeps, sampled: readonly string[], parts: number, tally: Tally): Promise<BucketSet> {
  const sample: Row[] = [];
  for (let i = 0; i < sampled.length; i += SAMPLE_STRIDE) {
    await readChunk(deps, sampled.slice(i, i + SAMPLE_STRIDE), { add: (row) => sample.push(row) }, tally);
    await nextTurn();
  }
  const own = new BucketSet(boundaries(sample.map(rowKey), parts), deps.paths.indexDir, deps.plugins);
  sample.forEach((row) => own.add(row));
  return own;
}

/**
 * Reads the sample, then `rest`, on this thread and on build threads at once: this thread starts
 * at once, and the threads take chunks of `rest` from a shared queue as soon as they have loaded
 * the plugins, keeping their rows until the sample has fixed the cuts. Returns this thread's
 * buckets and the threads' parts, by thread and bucket. If the threads cannot start, this thread
 * reads everything; if one dies, this thread reads again every chunk they took (their parts,
 * broken entries and refolds are dropped).
 */
async function readShared(deps: IndexDeps, starting: Promise<BuildThreads | undefined>, sampled: readonly string[], rest: readonly string[], parts: number, tally: Tally): Promise<{ own: BucketSet; others: BucketPart[][] }> {
  const queue = new ChunkQueue(rest);
  let fixCuts!: (cuts: SessionKey[]) => void;
  // Never rejected: if the sample fails, the threads are stopped without ever getting cuts.
  const cuts = new Promise<SessionKey[]>((resolve) => (fixCuts = resolve));
  const broken: BrokenEntry[] = [];
  const refolds: Promise<EntryResult>[] = [];
  let advanced = 0;
  let running: Promise<BucketPart[][]> | undefined;
  let pool: BuildThreads | undefined;
  void starting.then((started) => {
    pool = started;
    running = started?.run(cuts, queue, {
      warn: deps.warn,
      broken: (entry) => broken.push(entry),
      refold: (id, stamp, message) => refolds.push(refoldEntry(deps.store, deps.plugins, deps.warn, id, stamp, message)),
      progress: (count) => {
        advanced += count;
        tally.advance(count);
      },
    });
    // Settled below; a failure here must not surface as an unhandled rejection first.
    running?.catch(() => {});
  });
  try {
    const own = await readSample(deps, sampled, parts, tally);
    fixCuts(own.cuts);
    for (let chunk = queue.take(); chunk; chunk = queue.take()) {
      await readChunk(deps, chunk, own, tally);
      // Let the threads' messages in: each asks for its next chunk when it finishes one.
      await nextTurn();
    }
    await starting;
    if (!running) return { own, others: [] };
    try {
      const others = await running;
      tally.broken.push(...broken);
      for (const result of await Promise.all(refolds)) {
        const row = tally.keep(result);
        if (row) own.add(row);
      }
      return { own, others };
    } catch (error) {
      if (!(error instanceof BuildThreadError)) throw error;
      await Promise.allSettled(refolds);
      tally.advance(-advanced);
      for (const chunk of error.taken) await readChunk(deps, chunk, own, tally);
      for (let chunk = queue.take(); chunk; chunk = queue.take()) await readChunk(deps, chunk, own, tally);
      return { own, others: [] };
    }
  } finally {
    await (pool as BuildThreads | undefined)?.terminate();
  }
}

/** Reads the reports `ids` in a sample first, then streaming each to its segment (see buildIndex). */
async function buildStreaming(deps: IndexDeps, ids: readonly string[], launch: ThreadLaunch | undefined, tally: Tally): Promise<SegmentRef[]> {
  // A random sample fixes the segment boundaries; the rest is read in directory order (faster
  // than random order for the file system) and streamed to its segment. This thread is one of
  // the `count`: it starts at once, and build threads join in as soon as they have loaded.
  const sampled = sampleOf(ids, SAMPLE_ROWS);
  const skip = new Set(sampled);
  const rest = ids.filter((id) => !skip.has(id));
  const parts = Math.ceil(ids.length / SEGMENT_ROWS);
  let own: BucketSet;
  let others: BucketPart[][] = [];
  if (launch) {
    ({ own, others } = await readShared(deps, launch.ready, sampled, rest, parts, tally));
  } else {
    own = await readSample(deps, sampled, parts, tally);
    await readHere(deps, rest, own, tally);
  }
  const segments: SegmentRef[] = [];
  for (const [b, part] of own.close().entries()) segments.push(...(await finishSegment(deps, [part, ...others.map((parts) => parts[b]!)])));
  return segments;
}

/** Starts the build threads for a build on `count` threads (this one included), if more than one. */
function launchThreads(deps: IndexDeps, count: number): ThreadLaunch | undefined {
  return count > 1 ? BuildThreads.start({ ...deps.threads!, count: count - 1 }, deps.plugins, deps.paths, deps.now()) : undefined;
}

/**
 * Builds the index from nothing: one listing, then every report read once (the floor any tool
 * pays) and summarized. Memory stays bounded at any size: once a sample of rows has fixed where
 * the segments will split, each row goes straight to its segment's file and only its key stays.
 * Small workspaces are built in memory. `streaming` false forces memory (an unwritable folder).
 * A large build spreads the checking and summarizing over build threads when it can.
 */
export async function buildIndex(deps: IndexDeps, probe: Probe, streaming = true): Promise<IndexState> {
  // Build threads take about a second to load the plugins, as long as listing a large folder and
  // reading the sample: on a guess from the folder's size they start before the listing, which
  // then decides whether they are kept.
  const guessed = streaming ? threadCount(deps, guessReports(deps.paths.sessionsDir)) : 1;
  let launch = launchThreads(deps, guessed);
  try {
    const names = scanSessions(deps.paths.sessionsDir);
    const ids = [...names.reports];
    const tally = new Tally(deps, ids.length);
    const inMemory = !streaming || ids.length <= IN_MEMORY_ROWS;
    const count = inMemory ? 1 : threadCount(deps, ids.length);
    if (count !== guessed) {
      await launch?.cancel();
      launch = launchThreads(deps, count);
    }
    let segments: SegmentRef[];
    if (inMemory) {
      const rows: Row[] = [];
      for (const id of ids) {
        const row = tally.take(await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now()));
        if (row) rows.push(row);
      }
      segments = chunkRows(sortRows(rows)).map((chunk) => describeSegment(chunk, deps.plugins));
    } else {
      segments = await buildStreaming(deps, ids, launch, tally);
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
  } finally {
    // Threads still loading when the build failed, or started on a wrong guess, must not keep the process alive.
    await launch?.cancel();
  }
}
