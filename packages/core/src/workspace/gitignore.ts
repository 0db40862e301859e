import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The line `rad init` adds to a workspace's .gitignore: session files and the stats store, not the team config. */
export const INTERNALS_IGNORE_LINE = '.radium/_internals/';

/** What `ignoreInternals` did to a workspace's .gitignore. */
export interface IgnoreInternalsResult {
  /** Absolute path of the workspace's .gitignore. */
  file: string;
  /** `added`: the line was appended (the file created when absent); `present`: a line already ignored the folder; `skipped`: not a regular file, left alone. */
  outcome: 'added' | 'present' | 'skipped';
}

/**
 * True when a .gitignore line at the workspace root ignores `.radium/_internals/`: rad's own line or
 * a usual spelling of it, or of `.radium` as a whole (which a team may choose, config and all).
 */
export function ignoresInternals(line: string): boolean {
  const pattern = line.trim();
  if (pattern === '' || pattern.startsWith('#') || pattern.startsWith('!')) return false;
  // `/x`, `x/`, `x/*` and `x/**` all ignore the folder x (and `**/x` finds it at the root too).
  const folder = pattern.replace(/^\//, '').replace(/^\*\*\//, '').replace(/\/(\*\*?)?$/, '');
  return folder === '.radium/_internals' || folder === '.radium' || folder === '_internals';
}

/**
 * Makes the workspace's .gitignore ignore `.radium/_internals/` (sessions and the stats store are
 * per-machine data), creating the file when absent and appending one line only when no line
 * already ignores it; `.radium/stats.config.json` stays shareable. Anything but a regular file
 * there (a folder, a FIFO) is left alone: reading a FIFO would wait forever.
 */
export async function ignoreInternals(root: string): Promise<IgnoreInternalsResult> {
  const file = path.join(root, '.gitignore');
  const stat = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stat && !stat.isFile()) return { file, outcome: 'skipped' };
  const text = stat ? await fs.readFile(file, 'utf8') : '';
  if (text.split(/\r?\n/).some(ignoresInternals)) return { file, outcome: 'present' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  await fs.appendFile(file, `${separator}${INTERNALS_IGNORE_LINE}${eol}`);
  return { file, outcome: 'added' };
}
