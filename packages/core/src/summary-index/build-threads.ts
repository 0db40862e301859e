import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PluginSource } from '../host/plugin-source.js';
import type { ActivePlugin } from '../report/fold.js';
import type { BucketPart } from './bucket.js';
import type { BuildThreadInit, FromBuildThread, ToBuildThread } from './build-messages.js';
import { pluginFingerprint } from './fingerprint.js';
import type { BrokenEntry } from './manifest.js';
import type { SessionKey } from './order.js';
import type { FileStamp } from './stamps.js';
import type { IndexThreads } from './thread-count.js';

/** How many threads a full build may use, from how many reports on, and how they load the plugins. */
export interface BuildThreadsOptions extends IndexThreads {
  source: PluginSource;
}

/** What the caller does with what the threads report while they work. */
export interface BuildThreadHandlers {
  warn(message: string): void;
  broken(entry: BrokenEntry): void;
  /** A corrupt report that has a journal, for the caller to fold. */
  refold(id: string, stamp: FileStamp, message: string): void;
  /** `count` more reports were read. */
  progress(count: number): void;
}

/** A build thread died; the caller reads the chunks the threads took (`taken`) on its own thread instead. */
export class BuildThreadError extends Error {
  override name = 'BuildThreadError';

  constructor(
    message: string,
    /** Every chunk handed to a thread: none of the threads' work is kept, so all of them are read again. */
    readonly taken: string[][],
  ) {
    super(message);
  }
}

/** Ids per chunk: big enough that messaging is cheap, small enough that threads finish together. */
const CHUNK = 256;

/** Report ids handed out in chunks to whichever thread asks next: the calling thread or a build thread. */
export class ChunkQueue {
  private at = 0;

  constructor(private readonly ids: readonly string[]) {}

  /** The next chunk, or undefined when every id was handed out. */
  take(): string[] | undefined {
    if (this.at >= this.ids.length) return undefined;
    const chunk = this.ids.slice(this.at, this.at + CHUNK);
    this.at += CHUNK;
    return chunk;
  }
}

/** The compiled worker beside this module; under the test runner this module is TypeScript source, so take the built one. */
function workerScript(): string {
  const here = fileURLToPath(new URL('./build-worker.js', import.meta.url));
  return existsSync(here) ? here : here.replace(`${path.sep}src${path.sep}`, `${path.sep}dist${path.sep}`);
}

/** Build threads being started. */
export interface ThreadLaunch {
  /** The threads once every one has loaded the plugins; undefined when any cannot load the same ones (the build then stays on the calling thread). */
  ready: Promise<BuildThreads | undefined>;
  /** Stops the threads at once, loaded or not (started on a guess the listing proved wrong, or the build failed). */
  cancel(): Promise<void>;
}

/**
 * Threads that read, check and summarize reports in parallel with the calling thread during a
 * full index build: the checks, summaries and merges split cleanly by report. Each thread loads
 * the same plugins through the plugin source and writes its own part of every future segment;
 * the caller joins the parts.
 */
export class BuildThreads {
  private constructor(private readonly workers: Worker[]) {}

  /** Starts `count` threads, which load the plugins in the background. */
  static start(options: BuildThreadsOptions, plugins: readonly ActivePlugin[], paths: { sessionsDir: string; indexDir: string }, nowMs: number): ThreadLaunch {
    const init: BuildThreadInit = {
      source: options.source,
      plugins: plugins.map(({ plugin }) => ({ id: plugin.id, fingerprint: pluginFingerprint(plugin) })),
      sessionsDir: paths.sessionsDir,
      indexDir: paths.indexDir,
      clockOffsetMs: nowMs - Date.now(),
    };
    const workers = Array.from({ length: options.count }, () => new Worker(workerScript(), { workerData: init }));
    const pool = new BuildThreads(workers);
    const ready = Promise.all(
      workers.map(
        (worker) =>
          new Promise<boolean>((resolve) => {
            worker.once('message', (message: FromBuildThread) => resolve(message.type === 'ready'));
            worker.once('error', () => resolve(false));
            worker.once('exit', () => resolve(false));
          }),
      ),
    ).then(async (loaded) => {
      if (loaded.every(Boolean)) return pool;
      await pool.terminate();
      return undefined;
    });
    return { ready, cancel: () => pool.terminate() };
  }

  /**
   * Has the threads build chunks of `queue` (shared with the caller, who reads chunks too) into
   * parts of the segments that `cuts` delimit, until it is empty; returns each thread's parts, by
   * bucket. The threads start on the queue before the cuts are known (the caller is reading the
   * sample that fixes them) and keep those rows until they are.
   */
  run(cuts: Promise<SessionKey[]>, queue: ChunkQueue, handlers: BuildThreadHandlers): Promise<BucketPart[][]> {
    const taken: string[][] = [];
    return new Promise((resolve, reject) => {
      const parts: BucketPart[][] = [];
      let open = this.workers.length;
      let failed = false;
      const fail = (reason: string) => {
        if (failed) return;
        failed = true;
        reject(new BuildThreadError(reason, taken));
      };
      this.workers.forEach((worker, w) => {
        let closing = false;
        const feed = () => {
          const ids = failed ? undefined : queue.take();
          if (ids) {
            taken.push(ids);
            worker.postMessage({ type: 'files', ids } satisfies ToBuildThread);
          } else if (!closing) {
            closing = true;
            // After the cuts: their message is sent from a callback registered on the same promise earlier.
            void cuts.then(() => worker.postMessage({ type: 'close' } satisfies ToBuildThread));
          }
        };
        // Only these three: Worker listens to its own listener changes to start its message port.
        for (const event of ['message', 'error', 'exit']) worker.removeAllListeners(event);
        worker.on('message', (message: FromBuildThread) => {
          if (message.type === 'warn') handlers.warn(message.message);
          else if (message.type === 'broken') handlers.broken(message.entry);
          else if (message.type === 'refold') handlers.refold(message.id, message.stamp, message.message);
          else if (message.type === 'done') {
            handlers.progress(message.count);
            feed();
          } else if (message.type === 'closed') {
            parts[w] = message.parts;
            if (--open === 0 && !failed) resolve(parts);
          } else if (message.type === 'failed') fail(message.reason);
        });
        worker.on('error', (error) => fail(error.message));
        worker.on('exit', () => {
          if (parts[w] === undefined) fail('a build thread stopped early');
        });
        void cuts.then((known) => worker.postMessage({ type: 'cuts', cuts: known } satisfies ToBuildThread));
        // Two chunks in flight, so a thread never waits for its next one.
        feed();
        feed();
      });
    });
  }

  /** Stops every thread. */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
