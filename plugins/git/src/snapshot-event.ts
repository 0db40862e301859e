import { z } from 'zod';

/** Type of the event the start and end hooks append to the journal. */
export const SNAPSHOT_EVENT = 'git.snapshot';

/** A `git.snapshot` event: a working-tree snapshot, or why none could be taken. */
export const snapshotEventSchema = z.object({
  type: z.literal(SNAPSHOT_EVENT),
  ts: z.string(),
  phase: z.enum(['start', 'end']).describe('Taken when the session started or when it ended'),
  tree: z.string().regex(/^[0-9a-f]{40,64}$/).nullable().describe('Tree object id, or null when git could not snapshot'),
  head: z.string().regex(/^[0-9a-f]{40,64}$/).nullable().describe('Commit HEAD pointed at, or null'),
  reason: z.string().optional().describe('Why there is no tree (`not a git repository`, `git is not installed`)'),
});

/** A validated `git.snapshot` event. */
export type SnapshotEvent = z.infer<typeof snapshotEventSchema>;
