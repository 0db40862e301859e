import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WorkspaceNotFoundError } from '../errors.js';
import { WORKSPACE_DIR } from '../store/paths.js';

/** Environment variable that names the workspace root and skips the upward search. */
export const WORKSPACE_ENV = 'RADIUM_WORKSPACE';

function hasRadiumDir(dir: string): boolean {
  const candidate = path.join(dir, WORKSPACE_DIR);
  return existsSync(candidate) && statSync(candidate).isDirectory();
}

/** Finds the workspace root: `RADIUM_WORKSPACE` when set, else the nearest folder above `from` with `.radium`. */
export function findWorkspace(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[WORKSPACE_ENV];
  if (fromEnv) {
    const root = path.resolve(fromEnv);
    if (!hasRadiumDir(root)) throw new WorkspaceNotFoundError(root);
    return root;
  }
  let dir = path.resolve(from);
  for (;;) {
    if (hasRadiumDir(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new WorkspaceNotFoundError(path.resolve(from));
    dir = parent;
  }
}
