import path from 'node:path';
import type { FileEditEvent } from '@radium-stats/core';

/** Running totals of `file.edit` events, the fallback when there are no git snapshots. */
export class FileEditTally {
  private added = 0;
  private removed = 0;
  private readonly paths = new Set<string>();

  constructor(private readonly workspace: string) {}

  /** Adds one edit; paths are resolved against the workspace so `a.ts` and `/ws/a.ts` are one file. */
  add(event: FileEditEvent): void {
    this.added += event.added;
    this.removed += event.removed;
    this.paths.add(path.resolve(this.workspace, event.path));
  }

  /** True once any edit was added. */
  get any(): boolean {
    return this.paths.size > 0;
  }

  /** Sums so far: lines added and removed, and distinct files edited. */
  totals(): { linesAdded: number; linesRemoved: number; filesChanged: number } {
    return { linesAdded: this.added, linesRemoved: this.removed, filesChanged: this.paths.size };
  }
}
