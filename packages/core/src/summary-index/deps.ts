import type { ActivePlugin } from '../report/fold.js';
import type { ReportStore } from '../store/report-store.js';
import type { WorkspacePaths } from '../store/paths.js';
import type { BuildThreadsOptions } from './build-threads.js';
import type { ProgressListener } from './progress.js';

/** What the index works with. */
export interface IndexDeps {
  paths: WorkspacePaths;
  store: ReportStore;
  /** Active plugins, in display order. */
  plugins: readonly ActivePlugin[];
  warn: (message: string) => void;
  /** Wall clock in ms; file times are compared with it. */
  now: () => number;
  /** Told how a long build is going. */
  progress?: ProgressListener;
  /** Called every few hundred reports read during a long build (the lock's heartbeat). */
  onBusy?: () => void;
  /** Build threads a full build of a large workspace may use (none without). */
  threads?: BuildThreadsOptions;
}
