import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { WorkspaceNotFoundError } from '../errors.js';
import { WORKSPACE_DIR } from '../store/paths.js';
import { globalWorkspaceRoot } from './global.js';

export { GLOBAL_HOME_ENV, globalWorkspaceRoot } from './global.js';

/** Environment variable that names the workspace root and skips the upward search. */
export const WORKSPACE_ENV = 'RADIUM_WORKSPACE';

/** A found workspace and whether it is the user-level one (`rad init --global`). */
export interface LocatedWorkspace {
  /** Absolute workspace root (the folder holding `.radium`). */
  root: string;
  /** True when no project workspace was found and the global one answers. */
  global: boolean;
}

function hasRadiumDir(dir: string): boolean {
  const candidate = path.join(dir, WORKSPACE_DIR);
  return existsSync(candidate) && statSync(candidate).isDirectory();
}

/**
 * Finds the workspace: `RADIUM_WORKSPACE` when set, else the nearest folder above `from` with
 * `.radium`, else the global workspace (`$RADIUM_HOME` or `~`) when it exists.
 */
export function locateWorkspace(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): LocatedWorkspace {
  const fromEnv = env[WORKSPACE_ENV];
  if (fromEnv) {
    const root = path.resolve(fromEnv);
    if (!hasRadiumDir(root)) throw new WorkspaceNotFoundError(root);
    return { root, global: false };
  }
  const globalRoot = globalWorkspaceRoot(env);
  let dir = path.resolve(from);
  for (;;) {
    // Reaching the home folder on the way up is the global workspace answering, too.
    if (hasRadiumDir(dir)) return { root: dir, global: dir === globalRoot };
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (hasRadiumDir(globalRoot)) return { root: globalRoot, global: true };
  throw new WorkspaceNotFoundError(path.resolve(from));
}

/** Finds the workspace root (see `locateWorkspace`). */
export function findWorkspace(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return locateWorkspace(from, env).root;
}
