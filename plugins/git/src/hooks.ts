import type { HookEvent, LifecycleContext } from '@radium-stats/core';
import { describeGitFailure } from './git-failure.js';
import { SNAPSHOT_EVENT } from './snapshot-event.js';
import { snapshotWorkTree } from './snapshot.js';

/** Snapshots the working tree into a `git.snapshot` event; a git failure becomes the event's `reason`. */
export async function snapshotHook(context: LifecycleContext, phase: 'start' | 'end'): Promise<HookEvent[]> {
  try {
    const { tree, head } = await snapshotWorkTree(context.services.git(), context.workspace);
    return [{ type: SNAPSHOT_EVENT, phase, tree, head }];
  } catch (error) {
    return [{ type: SNAPSHOT_EVENT, phase, tree: null, head: null, reason: describeGitFailure(error) }];
  }
}
