import { setTimeout as sleep } from 'node:timers/promises';
import { buildIndex, type IndexState } from './build.js';
import type { IndexDeps } from './deps.js';
import { collectGarbage } from './gc.js';
import { tryAcquireIndexLock, type IndexLock } from './index-lock.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { isFresh, takeProbe, type Probe } from './probe.js';
import { repairIndex } from './repair.js';
import { IndexUnreadableError } from './rows.js';
import { storeSegment } from './segment-build.js';
import { loadSegmentRows } from './segment-rows.js';
import { IndexView } from './view.js';

/** Options of `SummaryIndex.open`. */
export interface OpenOptions {
  /** Report ids whose files must be checked even if the folder looks unchanged (rows about to be shown). */
  verify?: Iterable<string>;
  /** Ignore the stored index and build it again. */
  rebuild?: boolean;
}

/** True for errors that mean the index folder cannot be written. */
function isWriteFailure(error: unknown): boolean {
  return ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException)?.code ?? '');
}

/** How often a process waiting for another's rebuild looks again, and how long it waits before building in memory itself. */
const WAIT_MS = 100;
const MAX_WAIT_MS = 60_000;

/**
 * The summary index: a cache of every report's summary in `.radium/_internals/index/`, kept in
 * history order in segments with pre-merged aggregates. The report files stay the truth; opening
 * the index checks it against them (two stats when nothing changed) and repairs or rebuilds it.
 *
 * Writers take a lock; readers never do. A process that finds the lock held repairs in memory and
 * answers without writing, except that it waits when a rebuild is needed rather than doing the
 * same expensive work twice at once.
 */
export class SummaryIndex {
  constructor(private readonly deps: IndexDeps) {}

  /** A current view of the index, repaired or rebuilt first when the sessions folder changed. */
  async open(options: OpenOptions = {}): Promise<IndexView> {
    const verify = new Set(options.verify ?? []);
    const { indexDir, sessionsDir } = this.deps.paths;
    const waitingSince = Date.now();
    for (;;) {
      const probe = takeProbe(sessionsDir, indexDir, this.deps.now());
      let manifest = options.rebuild ? undefined : readManifest(indexDir);
      if (manifest && verify.size === 0 && isFresh(manifest, probe, this.deps.plugins)) return this.view(manifest);
      const lock = tryAcquireIndexLock(indexDir, this.deps.now());
      if (lock === 'held') {
        // Another process is writing: repair in memory when that is small, else wait for it
        // rather than doing the same full build twice at once.
        const state = manifest ? await this.repairOnly(manifest, probe, verify) : undefined;
        if (state) return this.view(state.manifest, state);
        if (Date.now() - waitingSince < MAX_WAIT_MS) {
          await sleep(WAIT_MS);
          continue;
        }
        const built = await this.compute(manifest, probe, verify, this.deps, false);
        return this.view(built.manifest, built);
      }
      if (lock === 'unavailable') {
        const state = await this.compute(manifest, probe, verify, this.deps, false);
        return this.view(state.manifest, state);
      }
      try {
        // Another writer may have brought the index up to date while we were deciding.
        if (!options.rebuild) manifest = readManifest(indexDir);
        if (manifest && verify.size === 0 && isFresh(manifest, probe, this.deps.plugins)) return this.view(manifest);
        const state = await this.update(manifest, probe, verify, lock);
        await this.write(state);
        return this.view(state.manifest, state);
      } finally {
        lock.release();
      }
    }
  }

  /** Brings the index up to date under the lock, writing segments as it goes (in memory if writes fail). */
  private async update(manifest: Manifest | undefined, probe: Probe, verify: Set<string>, lock: IndexLock): Promise<IndexState> {
    const deps = { ...this.deps, onBusy: () => lock.heartbeat() };
    try {
      return await this.compute(manifest, probe, verify, deps, true);
    } catch (error) {
      if (!isWriteFailure(error)) throw error;
      return this.compute(manifest, probe, verify, deps, false);
    }
  }

  /** Repairs, or builds when there is no usable index or too much changed. */
  private async compute(manifest: Manifest | undefined, probe: Probe, verify: Set<string>, deps: IndexDeps, persist: boolean): Promise<IndexState> {
    if (manifest) {
      const repaired = await this.repairOnly(manifest, probe, verify, deps, persist);
      if (repaired) return repaired;
    }
    return buildIndex(deps, probe, persist);
  }

  /** An incremental repair, or undefined when it would take a rebuild (too much changed, or a damaged cache file). */
  private async repairOnly(manifest: Manifest, probe: Probe, verify: Set<string>, deps: IndexDeps = this.deps, persist = false): Promise<IndexState | undefined> {
    try {
      return await repairIndex(deps, manifest, manifest.segments.map((meta) => ({ meta })), probe, verify, persist);
    } catch (error) {
      // A damaged cache file: the index is a cache, so it is rebuilt quietly.
      if (error instanceof IndexUnreadableError) return undefined;
      throw error;
    }
  }

  /**
   * Writes new segments, then swaps the manifest in: a crash before the swap leaves the old index
   * (plus orphan files that are collected later), after it the new one. A full disk or a
   * read-only folder leaves the answer in memory for this run only.
   */
  private async write(state: IndexState): Promise<void> {
    const dir = this.deps.paths.indexDir;
    try {
      for (const segment of state.segments) if (segment.rows && segment.meta.bytes.rows === 0) storeSegment(dir, segment);
      state.manifest.retired = collectGarbage(dir, state.manifest, this.deps.now());
      await writeManifest(dir, state.manifest);
    } catch {
      // Not writable: this run answers from memory; the next run tries again.
    }
  }

  private view(manifest: Manifest, state?: IndexState): IndexView {
    return new IndexView(this.deps.paths.indexDir, manifest, state?.segments ?? manifest.segments.map((meta) => ({ meta })), (meta, to, from) => loadSegmentRows(this.deps, meta, to, from, true));
  }
}
