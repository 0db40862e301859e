import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { ProjectScope } from './contract.js';

/** True when `dir` is `root` or lies below it (both absolute). */
export function isInside(dir: string, root: string): boolean {
  const rel = path.relative(path.resolve(root), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The scope of one run into the workspace `root`: sessions inside it (its real path too), or every session with `allProjects`. */
export function projectScope(root: string, allProjects = false): ProjectScope {
  const resolved = path.resolve(root);
  if (allProjects) return { workspace: null, root: resolved, includes: () => true };
  const roots = new Set([resolved]);
  try {
    roots.add(realpathSync(root));
  } catch {
    // A workspace that cannot be resolved is still matched by its given path.
  }
  return { workspace: resolved, root: resolved, includes: (dir) => [...roots].some((r) => isInside(dir, r)) };
}
