import type { ImportProgress } from '@radium-stats/core';
import { startProgress, type Progress } from './progress.js';

/** Imports smaller than this many bytes finish too fast for a progress bar to help. */
const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const MB = 1024 * 1024;

/** Draws import progress in megabytes (on stderr, on a TTY), once the import turns out to be long. */
export function progressFor(title: string, enabled: boolean): { update(p: ImportProgress): void; stop(): void } {
  let bar: Progress | undefined;
  let shown = 0;
  return {
    update(p) {
      if (!enabled || p.bytesTotal < PROGRESS_MIN_BYTES) return;
      bar ??= startProgress({ total: Math.ceil(p.bytesTotal / MB), label: `Importing ${title} logs (MB)` });
      const done = Math.floor(p.bytesDone / MB);
      if (done > shown) {
        bar.tick(done - shown);
        shown = done;
      }
    },
    stop: () => bar?.stop(),
  };
}
