import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from './manifest.js';
import { segmentFileNames } from './segment-files.js';

/**
 * How long a dropped segment stays on disk. A reader that read the previous manifest may still be
 * reading its segments (a long export, say); deleting them later than any such read keeps readers
 * lock-free. A reader that is slower still finds a file missing and re-opens the index.
 */
export const RETIRE_GRACE_MS = 10 * 60_000;

/**
 * Deletes segments retired longer ago than the grace period, and leftovers of crashed writers
 * (temp files, segments no manifest names) once they are that old. Returns the retired list to keep.
 */
export function collectGarbage(indexDir: string, manifest: Manifest, nowMs: number): Manifest['retired'] {
  const keep = manifest.retired.filter((r) => nowMs - r.at < RETIRE_GRACE_MS);
  const live = new Set([...manifest.segments.map((s) => s.name), ...keep.map((r) => r.name)].flatMap(segmentFileNames));
  let names: string[];
  try {
    names = readdirSync(indexDir);
  } catch {
    return keep;
  }
  for (const name of names) {
    const isSegment = name.startsWith('seg-');
    const isTemp = name.startsWith('.') && name.endsWith('.tmp');
    if ((!isSegment && !isTemp) || live.has(name)) continue;
    const file = path.join(indexDir, name);
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) continue;
    const retired = manifest.retired.some((r) => name.startsWith(`${r.name}.`));
    if (retired || nowMs - stat.mtimeMs >= RETIRE_GRACE_MS) rmSync(file, { force: true });
  }
  return keep;
}
