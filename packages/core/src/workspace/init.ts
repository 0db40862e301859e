import { promises as fs } from 'node:fs';
import { WorkspacePaths } from '../store/paths.js';

/** Result of `initWorkspace`. */
export interface InitResult {
  /** Absolute workspace root. */
  root: string;
  /** False when the workspace already existed (nothing was changed). */
  created: boolean;
}

/** Creates `.radium/_internals/sessions` under `root`; leaves an existing workspace untouched. */
export async function initWorkspace(root: string): Promise<InitResult> {
  const paths = new WorkspacePaths(root);
  let created = true;
  try {
    await fs.access(paths.radiumDir);
    created = false;
  } catch {
    // absent: create below
  }
  await fs.mkdir(paths.sessionsDir, { recursive: true });
  return { root: paths.root, created };
}

// What `rad init` does besides creating the workspace: keep its per-machine data out of git.
export { ignoreInternals, ignoresInternals, INTERNALS_IGNORE_LINE, type IgnoreInternalsResult } from './gitignore.js';
