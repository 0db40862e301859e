import { promises as fs } from 'node:fs';
import path from 'node:path';
import { compareCodePoints, type FoundFile } from '@radium-stats/core';

/** Session group of a thread file: its name without `.json` (Amp names it after the thread id, `T-<uuid>`). */
export function threadGroup(file: string): string {
  return path.basename(file).replace(/\.json$/i, '');
}

/**
 * Lists thread files: `threads/*.json` under an Amp data folder, or the `*.json` files of any
 * folder given with `--source` (such as the `threads` folder itself). Amp's write-ahead temporary
 * files (`*.amptmp`) are not threads and are not listed.
 */
export async function discoverAmpFiles(source: string): Promise<FoundFile[]> {
  const threads = path.join(source, 'threads');
  const dir = (await fs.stat(threads).catch(() => undefined))?.isDirectory() ? threads : source;
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => path.join(dir, e.name))
    .sort(compareCodePoints)
    .map((file) => ({ path: file, group: threadGroup(file), part: 0, format: 'json' as const }));
}
