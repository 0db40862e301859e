import { simpleGit, type SimpleGit } from 'simple-git';

/** Git for one directory, as handed to plugins. */
export type Git = SimpleGit;

/**
 * Makes a git client whose output does not depend on the user's locale, pager or prompts.
 * `extraEnv` adds variables for this client only (a temporary `GIT_INDEX_FILE`, say): simple-git's
 * own `env()` changes a client in place, which would leak into every other user of a shared client.
 */
export function createGit(directory: string, extraEnv: Record<string, string> = {}): Git {
  return simpleGit({ baseDir: directory, maxConcurrentProcesses: 4, trimmed: false }).env({
    ...process.env,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
    ...extraEnv,
  });
}
