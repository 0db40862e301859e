import { createRequire } from 'node:module';
import type { SimpleGit, simpleGit as SimpleGitFactory } from 'simple-git';

/** Git for one directory, as handed to plugins. */
export type Git = SimpleGit;

/**
 * Variables only interactive or network git reads (editors, pagers, password prompts, ssh, external
 * diff, init templates). The host runs none of that, and simple-git refuses to run at all while any
 * of them is set, even empty, so they are left out of the environment git gets.
 */
const INTERACTIVE_ENV = new Set([
  'editor',
  'git_editor',
  'git_sequence_editor',
  'pager',
  'git_pager',
  'git_askpass',
  'ssh_askpass',
  'git_ssh',
  'git_ssh_command',
  'git_proxy_command',
  'git_external_diff',
  'git_template_dir',
]);

/** simple-git, loaded on first use: only sessions that record git changes need it, and it costs start-up time. */
let simpleGitModule: { simpleGit: typeof SimpleGitFactory } | undefined;
const loadSimpleGit = (): typeof SimpleGitFactory =>
  (simpleGitModule ??= createRequire(import.meta.url)('simple-git') as { simpleGit: typeof SimpleGitFactory }).simpleGit;

/** The process environment without the interactive-only variables. */
function inheritedEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !INTERACTIVE_ENV.has(key.toLowerCase())) out[key] = value;
  }
  return out;
}

/**
 * Makes a git client whose output does not depend on the user's locale or prompts (git never pages
 * into a pipe). `extraEnv` adds variables for this client only (a temporary `GIT_INDEX_FILE`, say):
 * simple-git's own `env()` changes a client in place, which would leak into every other user of it.
 */
export function createGit(directory: string, extraEnv: Record<string, string> = {}): Git {
  // The user's own config locations (GIT_CONFIG_GLOBAL, GIT_CONFIG_COUNT, ...) are kept: they decide
  // how their repository reads, and only this process, not untrusted input, supplies them.
  return loadSimpleGit()({
    baseDir: directory,
    maxConcurrentProcesses: 4,
    trimmed: false,
    unsafe: { allowUnsafeConfigPaths: true, allowUnsafeConfigEnvCount: true },
  }).env({
    ...inheritedEnv(),
    LC_ALL: 'C',
    LANG: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    ...extraEnv,
  });
}
