import { resolveWorkspace } from '../host/workspace.js';
import { statusRoot } from './status-root.js';

/**
 * The workspace the status line reads: `--workspace` when given, else `statusRoot` (RADIUM_WORKSPACE,
 * else the nearest project workspace above Claude Code's folders, else the global one); undefined when there is none.
 */
export function statusWorkspace(flag: string | undefined, dirs: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (flag) {
    try {
      return resolveWorkspace(flag, env, cwd);
    } catch {
      return undefined;
    }
  }
  return statusRoot(dirs, env, cwd);
}
