import os from 'node:os';
import path from 'node:path';

/** Environment variable naming the folder that plays the role of `~` for the global workspace (its `.radium` is the global one). */
export const GLOBAL_HOME_ENV = 'RADIUM_HOME';

/** Root of the user-level workspace made by `rad init --global`: `$RADIUM_HOME` when set, else the home folder. */
export function globalWorkspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[GLOBAL_HOME_ENV];
  return path.resolve(fromEnv ? fromEnv : os.homedir());
}
