import { createRequire } from 'node:module';
import type CliProgress from 'cli-progress';

/** A progress display for long work (exports, index rebuilds). */
export interface Progress {
  /** Advances by `step` (default 1). */
  tick(step?: number): void;
  /** Removes the display; call once, also on failure. */
  stop(): void;
}

/** Options of `startProgress`. */
export interface ProgressOptions {
  /** Units of work in all. */
  total: number;
  /** What is being done, e.g. `Exporting sessions`. */
  label: string;
  /** False under `--json` or when the caller wants silence; the display also needs a TTY. */
  enabled?: boolean;
  /** Where to draw; stderr by default so stdout stays clean for data. */
  stream?: NodeJS.WriteStream;
}

const silent: Progress = { tick: () => {}, stop: () => {} };

/** cli-progress, loaded when a bar is first drawn: most runs draw none, and loading it costs start-up time. */
let cliProgress: typeof CliProgress | undefined;
const loadCliProgress = (): typeof CliProgress => (cliProgress ??= createRequire(import.meta.url)('cli-progress') as typeof CliProgress);

/** Starts a progress bar on a TTY; anywhere else (pipes, CI, `--json`) it is silent. */
export function startProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.enabled === false || !stream.isTTY || options.total <= 0) return silent;
  const { SingleBar, Presets } = loadCliProgress();
  const bar = new SingleBar(
    { stream, format: `${options.label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: true, noTTYOutput: false },
    Presets.shades_classic,
  );
  bar.start(options.total, 0);
  let stopped = false;
  return {
    tick: (step = 1) => bar.increment(step),
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}

/**
 * A `(done, total)` listener (the shape core's summary index reports rebuilds in) that draws a bar
 * on first call and removes it when done reaches total.
 */
export function progressListener(label: string, enabled = true, stream?: NodeJS.WriteStream): (done: number, total: number) => void {
  let bar: Progress | undefined;
  let drawn = 0;
  return (done, total) => {
    bar ??= startProgress({ total, label, enabled, ...(stream ? { stream } : {}) });
    bar.tick(done - drawn);
    drawn = done;
    if (done >= total) {
      bar.stop();
      bar = undefined;
      drawn = 0;
    }
  };
}
