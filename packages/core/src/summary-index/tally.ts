import type { IndexDeps } from './deps.js';
import type { BrokenEntry } from './manifest.js';
import { throttledProgress } from './progress.js';
import type { EntryResult } from './read-entry.js';
import type { Row } from './rows.js';

/** Bookkeeping of one build: progress, the lock's heartbeat, broken entries. */
export class Tally {
  readonly broken: BrokenEntry[] = [];
  private done = 0;
  private readonly tick: (done: number) => void;

  constructor(
    private readonly deps: IndexDeps,
    total: number,
  ) {
    this.tick = throttledProgress(deps.progress, total);
  }

  /** `count` more reports were read. */
  advance(count = 1): void {
    const before = this.done;
    this.done += count;
    this.tick(this.done);
    if (Math.floor(this.done / 500) !== Math.floor(before / 500)) this.deps.onBusy?.();
  }

  /** Counts one result and returns its row, if it has one. */
  take(result: EntryResult): Row | undefined {
    this.advance();
    return this.keep(result);
  }

  /** Records a result already counted (a broken entry is kept) and returns its row, if it has one. */
  keep(result: EntryResult): Row | undefined {
    if ('broken' in result) this.broken.push(result.broken);
    return 'row' in result ? result.row : undefined;
  }
}

