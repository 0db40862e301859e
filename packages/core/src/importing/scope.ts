import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { ProjectScope } from './contract.js';

/** True when `dir` is `root` or lies below it (both absolute). */
export function isInside(dir: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The scope of one run: sessions inside `workspace` (its real path too), or every session when `workspace` is null. */
export function projectScope(workspace: string | null): ProjectScope {
  if (workspace === null) return { workspace: null, includes: () => true };
  const roots = new Set([path.resolve(workspace)]);
  try {
    roots.add(realpathSync(workspace));
  } catch {
    // A workspace that cannot be resolved is still matched by its given path.
  }
  return { workspace: path.resolve(workspace), includes: (dir) => [...roots].some((root) => isInside(dir, root)) };
}
