import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Where a section's numbers come from. */
export const changeSourceSchema = z.enum(['git', 'file.edit events', 'original Radium', 'mixed']);

/** One snapshot of the working tree, as a tree object id plus the commit HEAD pointed at. */
export const treeSnapshotSchema = z.object({
  tree: z.string().describe('Tree object id of the working tree (tracked and untracked files, ignored files left out)'),
  head: z.string().nullable().describe('Commit HEAD pointed at, or null in a repository with no commits'),
});

/** The `git` section of a session report: what the session changed in the working tree. */
export const gitSectionSchema = z.object({
  source: changeSourceSchema.nullable().describe('Where the numbers come from; null when nothing was measured'),
  linesAdded: count.nullable().describe('Lines added; null when not known (see unavailableReason)'),
  linesRemoved: count.nullable().describe('Lines removed; null when not known (see unavailableReason)'),
  filesChanged: count.nullable().describe('Files added, deleted, modified or renamed, binary files included'),
  binaryFiles: count.nullable().describe('How many of filesChanged are binary (no line counts); null when not known'),
  unavailableReason: z.string().optional().describe('Why the null numbers could not be measured'),
  gitUnavailableReason: z.string().optional().describe('Why git snapshots were not used when the numbers come from file.edit events'),
  snapshots: z
    .object({ start: treeSnapshotSchema, end: treeSnapshotSchema })
    .optional()
    .describe('The two snapshots diffed; `git diff <start.tree> <end.tree>` shows the changes'),
  merged: z
    .object({
      sessions: count.describe('Sessions merged'),
      linesUnknown: count.describe('Merged sessions whose line counts are not known (left out of the sums)'),
      filesUnknown: count.describe('Merged sessions whose files changed are not known (left out of the sum)'),
    })
    .optional()
    .describe('Present on sections merged from several sessions'),
});

/** Where a section's numbers come from. */
export type ChangeSource = z.infer<typeof changeSourceSchema>;
/** One working-tree snapshot. */
export type TreeSnapshot = z.infer<typeof treeSnapshotSchema>;
/** The `git` section of a session report. */
export type GitSection = z.infer<typeof gitSectionSchema>;
