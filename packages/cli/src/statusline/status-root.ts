import { workspaceAbove } from '@radium-stats/core/light';

/**
 * The workspace the status line reads when no `--workspace` is given: the nearest project workspace
 * above any of Claude Code's folders (then the current one), else the global workspace; undefined
 * when there is none. Loads nothing of core but its light entry: the cached answer runs it too.
 */
export function statusRoot(dirs: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  let global: string | undefined;
  for (const dir of [...dirs, cwd]) {
    let found;
    try {
      found = workspaceAbove(dir, env);
    } catch {
      // A folder that cannot be read on the way up: as if no workspace were there.
      continue;
    }
    if (found === undefined) continue;
    // The global one answers for every folder: a later folder may still have a project workspace.
    if (!found.global) return found.root;
    global ??= found.root;
  }
  return global;
}
