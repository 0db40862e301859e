import path from 'node:path';
import { WORKSPACE_ENV, findWorkspace, locateWorkspace, type LocatedWorkspace } from '@radium-stats/core';

/**
 * The workspace root a command works on: exactly `--workspace DIR` when given (it must hold
 * `.radium`), else `RADIUM_WORKSPACE`, else the nearest folder above the current one with `.radium`,
 * else the global workspace (`rad init --global`) when it exists.
 */
export function resolveWorkspace(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return locateCommandWorkspace(flag, env, cwd).root;
}

/** Like `resolveWorkspace`, also saying whether the global workspace answered. */
export function locateCommandWorkspace(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): LocatedWorkspace {
  if (flag) return { root: findWorkspace(cwd, { [WORKSPACE_ENV]: path.resolve(cwd, flag) }), global: false };
  return locateWorkspace(cwd, env);
}
