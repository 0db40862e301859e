import path from 'node:path';
import { WORKSPACE_ENV, findWorkspace } from '@radium-stats/core';

/**
 * The workspace root a command works on: exactly `--workspace DIR` when given (it must hold
 * `.radium`), else `RADIUM_WORKSPACE`, else the nearest folder above the current one with `.radium`.
 */
export function resolveWorkspace(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  if (flag) return findWorkspace(cwd, { [WORKSPACE_ENV]: path.resolve(cwd, flag) });
  return findWorkspace(cwd, env);
}
