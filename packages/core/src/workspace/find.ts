import path from 'node:path';
import { WorkspaceNotFoundError } from '../errors.js';
import { WORKSPACE_ENV, workspaceAbove, type LocatedWorkspace } from './nearest.js';

export { GLOBAL_HOME_ENV, globalWorkspaceRoot } from './global.js';
export { WORKSPACE_ENV, type LocatedWorkspace } from './nearest.js';

/**
 * Finds the workspace: `RADIUM_WORKSPACE` when set, else the nearest folder above `from` with
 * `.radium`, else the global workspace (`$RADIUM_HOME` or `~`) when it exists.
 */
export function locateWorkspace(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): LocatedWorkspace {
  const found = workspaceAbove(from, env);
  if (found) return found;
  const fromEnv = env[WORKSPACE_ENV];
  throw new WorkspaceNotFoundError(fromEnv ? path.resolve(fromEnv) : path.resolve(from));
}

/** Finds the workspace root (see `locateWorkspace`). */
export function findWorkspace(from: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return locateWorkspace(from, env).root;
}
