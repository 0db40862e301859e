import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '@radium-stats/core/testing';

/** Root of the CLI package. */
export const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Root of the repository. */
export const REPO_ROOT = path.resolve(CLI_ROOT, '..', '..');
/** The built `rad` binary, run exactly as a user runs it. */
export const BIN = path.join(CLI_ROOT, 'bin', 'run.js');

/** Exit code, stdout and stderr of one `rad` run. */
export interface RadResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A fresh CLI home: oclif's data, config and cache folders (where `rad plugins install` puts plugins) in a temp dir. */
export function freshCliHome(): NodeJS.ProcessEnv {
  const home = tempDir('rad-cli-home-');
  const dirs = { XDG_DATA_HOME: 'data', XDG_CONFIG_HOME: 'config', XDG_CACHE_HOME: 'cache' } as const;
  const env: NodeJS.ProcessEnv = {};
  for (const [name, sub] of Object.entries(dirs)) {
    env[name] = path.join(home, sub);
    mkdirSync(env[name]!, { recursive: true });
  }
  return env;
}

/**
 * The environment of a user's shell, minus anything from the caller that would change what rad does.
 * CI markers and COLORTERM go too: oclif's own output (e.g. `rad plugins`) turns color on for them even in a pipe.
 */
export function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(RADIUM_|RAD_|XDG_|FORCE_COLOR|NO_COLOR|NODE_OPTIONS|VITEST|DEBUG|CI$|COLORTERM$|COLUMNS$|LINES$|TF_BUILD$|TEAMCITY_|GITHUB_|GITEA_)/.test(key)) continue;
    env[key] = value;
  }
  // A global workspace (rad init --global) that never exists, so no test reads the machine's ~/.radium.
  env.RADIUM_HOME = path.join(os.tmpdir(), `rad-test-no-global-home-${process.pid}`);
  return env;
}

/** Runs `rad …` in `cwd` and waits for it. */
export function rad(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string; timeoutMs?: number }): RadResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...baseEnv(), ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `rad …` in `cwd` without blocking, so several can run at once; resolves when it exits. */
export function radAsync(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...baseEnv(), ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

/** Runs `rad …` and fails the test with its stderr unless it exits 0. */
export function radOk(args: string[], options: Parameters<typeof rad>[1]): RadResult {
  const result = rad(args, options);
  if (result.status !== 0) throw new Error(`rad ${args.join(' ')} exited ${result.status}\n${result.stderr}${result.stdout}`);
  return result;
}

/** A copy of the bundled example workspace (the spec's example sessions as journals), so reports written while reading stay out of the repo. */
export function exampleWorkspace(): string {
  const dir = tempDir('rad-example-');
  // Only what the repository ships (journals and config): `pnpm demo` writes reports and a store
  // into examples/workspace, and a test must start from the same files whether it ran or not.
  cpSync(path.join(REPO_ROOT, 'examples', 'workspace', '.radium'), path.join(dir, '.radium'), {
    recursive: true,
    filter: (source) => !/\.json$/.test(source) || !source.includes(`${path.sep}sessions${path.sep}`),
  });
  for (const name of readdirSync(path.join(dir, '.radium', '_internals'))) {
    if (name.startsWith('stats.db')) rmSync(path.join(dir, '.radium', '_internals', name), { force: true });
  }
  return dir;
}

/** Warnings rad printed, one per line. */
export function warningsOf(result: RadResult): string[] {
  return result.stderr.split('\n').filter((line) => line.startsWith('Warning: '));
}
