import { factBucket, type Collector, type FileEditEvent, type FinishInfo, type PluginContext, type SessionEvent } from '@radium-stats/core';
import { gitFacts } from './fact-rows.js';
import { FileEditTally } from './file-edits.js';
import { describeGitFailure } from './git-failure.js';
import type { GitSection } from './section.js';
import { SNAPSHOT_EVENT, snapshotEventSchema, type SnapshotEvent } from './snapshot-event.js';
import { diffTrees } from './tree-diff.js';

/** Either the git section or why git could not measure the session. */
type GitOutcome = { section: GitSection } | { reason: string };

/** Diffs the start and end snapshots, or says which one is missing and why. */
async function measureWithGit(context: PluginContext, info: FinishInfo, start?: SnapshotEvent, end?: SnapshotEvent): Promise<GitOutcome> {
  if (!start) return { reason: 'no git snapshot was taken when the session started' };
  if (start.tree === null) return { reason: start.reason ?? 'no git snapshot at session start' };
  // An abandoned session is not snapshotted now: the tree may hold changes made after it stopped.
  if (!end) return { reason: info.status === 'ended' ? 'no git snapshot was taken when the session ended' : 'the session stopped without a closing git snapshot' };
  if (end.tree === null) return { reason: end.reason ?? 'no git snapshot at session end' };
  try {
    const totals = await diffTrees(context.services.git(), start.tree, end.tree);
    return {
      section: {
        source: 'git',
        ...totals,
        snapshots: { start: { tree: start.tree, head: start.head }, end: { tree: end.tree, head: end.head } },
      },
    };
  } catch (error) {
    return { reason: `could not compare the snapshots (${describeGitFailure(error)})` };
  }
}

/** Folds `git.snapshot` and `file.edit` events into the session's code changes and its fact row. */
export function createGitCollector(context: PluginContext): Collector<GitSection> {
  let start: SnapshotEvent | undefined;
  let end: SnapshotEvent | undefined;
  const edits = new FileEditTally(context.workspace);
  let finished: { section: GitSection; startTime: string } | undefined;
  async function measure(info: FinishInfo): Promise<GitSection> {
    const outcome = await measureWithGit(context, info, start, end);
    if ('section' in outcome) return outcome.section;
    if (edits.any) {
      return { source: 'file.edit events', ...edits.totals(), binaryFiles: null, gitUnavailableReason: outcome.reason };
    }
    return { source: null, linesAdded: null, linesRemoved: null, filesChanged: null, binaryFiles: null, unavailableReason: outcome.reason };
  }
  return {
    add(event: SessionEvent) {
      if (event.type === 'file.edit') edits.add(event as FileEditEvent);
      if (event.type !== SNAPSHOT_EVENT) return;
      const parsed = snapshotEventSchema.safeParse(event);
      if (!parsed.success) return;
      // The first start snapshot is the baseline and the last end snapshot the final state.
      if (parsed.data.phase === 'start') start ??= parsed.data;
      else end = parsed.data;
    },
    async finish(info) {
      const section = await measure(info);
      finished = { section, startTime: info.startTime };
      return section;
    },
    facts() {
      if (!finished) throw new Error('facts() called before finish()');
      // The bucket of the start: the snapshots cover the whole session, and the start is known for every session.
      return gitFacts(finished.section, factBucket(finished.startTime));
    },
  };
}
