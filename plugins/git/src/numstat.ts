/** Totals of a `--numstat -z` listing. */
export interface NumstatTotals {
  linesAdded: number;
  linesRemoved: number;
  /** Paths listed; a detected rename is one file. */
  filesChanged: number;
  /** Files git lists as binary (`-` for both counts): counted as files, not lines. */
  binaryFiles: number;
}

const RECORD = /^(\d+|-)\t(\d+|-)\t([\s\S]*)$/;

/**
 * Sums `git diff-tree --numstat -z` output. A record is `added\tremoved\tpath\0`, or for a rename
 * `added\tremoved\t\0old\0new\0`; binary files show `-` for both counts.
 */
export function sumNumstat(output: string): NumstatTotals {
  const tokens = output.split('\0');
  const totals: NumstatTotals = { linesAdded: 0, linesRemoved: 0, filesChanged: 0, binaryFiles: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const match = RECORD.exec(tokens[i]!);
    if (!match) continue;
    if (match[3] === '') i += 2; // rename: the old and new paths follow as their own tokens
    totals.filesChanged += 1;
    if (match[1] === '-' || match[2] === '-') {
      totals.binaryFiles += 1;
    } else {
      totals.linesAdded += Number(match[1]);
      totals.linesRemoved += Number(match[2]);
    }
  }
  return totals;
}
