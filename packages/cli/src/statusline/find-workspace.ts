import { locateWorkspace } from '@radium-stats/core';
import { resolveWorkspace } from '../host/workspace.js';

/**
 * The workspace the status line reads: `--workspace` (or RADIUM_WORKSPACE) when given, else the
 * nearest project workspace above any of Claude Code's folders (then the current one), else the
 * global workspace; undefined when there is none.
 */
export function statusWorkspace(flag: string | undefined, dirs: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (flag) {
    try {
      return resolveWorkspace(flag, env, cwd);
    } catch {
      return undefined;
    }
  }
  let global: string | undefined;
  for (const dir of [...dirs, cwd]) {
    try {
      const found = locateWorkspace(dir, env);
      // The global one answers for every folder: a later folder may still have a project workspace.
      if (!found.global) return found.root;
      global ??= found.root;
    } catch {
      // No workspace above this folder.
    }
  }
  return global;
}
