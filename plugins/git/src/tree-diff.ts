import type { Git } from '@radium-stats/core';
import { sumNumstat, type NumstatTotals } from './numstat.js';

/**
 * Line and file counts between two tree objects. Uses plumbing (`diff-tree`) so user diff settings
 * (external diff, textconv, colour) cannot change the numbers; renames are detected (`-M`, git's 50%
 * similarity default), so a moved file counts once with only the lines that changed.
 */
export async function diffTrees(git: Git, from: string, to: string): Promise<NumstatTotals> {
  if (from === to) return { linesAdded: 0, linesRemoved: 0, filesChanged: 0, binaryFiles: 0 };
  const output = await git.raw(['diff-tree', '-r', '-z', '--numstat', '--find-renames', from, to]);
  return sumNumstat(output);
}
