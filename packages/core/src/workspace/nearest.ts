import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { globalWorkspaceRoot } from './global.js';

// Node built-ins only: `@radium-stats/core/light` exports this to code that must start without loading core.

/** Folder name that marks a workspace root. */
export const WORKSPACE_DIR = '.radium';

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
 * The workspace `locateWorkspace` finds (`RADIUM_WORKSPACE` when set, else the nearest folder above
 * `from` with `.radium`, else the global workspace), or undefined where it would throw.
 */
export function workspaceAbove(from: string, env: NodeJS.ProcessEnv): LocatedWorkspace | undefined {
  const fromEnv = env[WORKSPACE_ENV];
  if (fromEnv) {
    const root = path.resolve(fromEnv);
    return hasRadiumDir(root) ? { root, global: false } : undefined;
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
  return hasRadiumDir(globalRoot) ? { root: globalRoot, global: true } : undefined;
}
