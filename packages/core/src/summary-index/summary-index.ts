import { setTimeout as sleep } from 'node:timers/promises';
import { buildIndex, type IndexState } from './build.js';
import type { IndexDeps } from './deps.js';
import { collectGarbage } from './gc.js';
import { IndexLock } from './index-lock.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { isFresh, takeProbe, type Probe } from './probe.js';
import { repairIndex } from './repair.js';
import { IndexUnreadableError } from './rows.js';
import { storeSegment } from './segment-build.js';
import { IndexView } from './view.js';

/** Options of `SummaryIndex.open`. */
export interface OpenOptions {
  /** Report ids whose files must be checked even if the folder looks unchanged (rows about to be shown). */
  verify?: Iterable<string>;
  /** Ignore the stored index and build it again. */
  rebuild?: boolean;
}

/** How often a process waiting for another's full build looks again. */
const WAIT_MS = 100;

/**
 * The summary index: a cache of every report's summary in `.radium/_internals/index/`, kept in
 * history order in segments with pre-merged aggregates. The report files stay the truth; opening
 * the index checks it against them (two stats when nothing changed) and repairs or rebuilds it.
 *
 * Writers take a lock; readers never do. A process that finds the lock held repairs in memory and
 * answers without writing, except that it waits for a full build already under way rather than
 * doing the same expensive work twice.
 */
export class SummaryIndex {
  constructor(private readonly deps: IndexDeps) {}

  /** A current view of the index, repaired or rebuilt first when the sessions folder changed. */
  async open(options: OpenOptions = {}): Promise<IndexView> {
    const verify = new Set(options.verify ?? []);
    const { indexDir, sessionsDir } = this.deps.paths;
    for (;;) {
      const probe = takeProbe(sessionsDir, indexDir, this.deps.now());
      let manifest = options.rebuild ? undefined : readManifest(indexDir);
      if (manifest && verify.size === 0 && isFresh(manifest, probe, this.deps.plugins)) return this.view(manifest);
      const lock = IndexLock.tryAcquire(indexDir, this.deps.now());
      if (lock === 'held' && !manifest) {
        await sleep(WAIT_MS);
        continue;
      }
      if (!(lock instanceof IndexLock)) {
        const state = await this.update(manifest, probe, verify, undefined);
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

  private async update(manifest: Manifest | undefined, probe: Probe, verify: Set<string>, lock: IndexLock | undefined): Promise<IndexState> {
    const deps = lock ? { ...this.deps, onBusy: () => lock.heartbeat() } : this.deps;
    // Only the lock holder streams a full build into new segment files; others build in memory.
    if (!manifest) return buildIndex(deps, probe, lock !== undefined);
    try {
      return await repairIndex(deps, manifest, manifest.segments.map((meta) => ({ meta })), probe, verify);
    } catch (error) {
      // A segment file missing or damaged: the index is a cache, so rebuild it quietly.
      if (error instanceof IndexUnreadableError) return buildIndex(deps, probe, lock !== undefined);
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
    return new IndexView(this.deps.paths.indexDir, manifest, state?.segments ?? manifest.segments.map((meta) => ({ meta })));
  }
}
