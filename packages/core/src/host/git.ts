import { simpleGit, type SimpleGit } from 'simple-git';

/** Git for one directory, as handed to plugins. */
export type Git = SimpleGit;

/** Makes a git client whose output does not depend on the user's locale, pager or prompts. */
export function createGit(directory: string): Git {
  return simpleGit({ baseDir: directory, maxConcurrentProcesses: 4, trimmed: false }).env({
    ...process.env,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_OPTIONAL_LOCKS: '0',
  });
}
