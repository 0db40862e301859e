import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { expectGolden } from '../helpers/golden.js';
import { CLI_ROOT, REPO_ROOT, baseEnv, exampleWorkspace, freshCliHome } from '../helpers/rad.js';

/** npm builds better-sqlite3 from source where its prebuilt binary cannot be fetched: minutes on 2 cores. */
const INSTALL_TIMEOUT_MS = 15 * 60_000;

interface PackageDir {
  dir: string;
  name: string;
  version: string;
}

/** Every package the release publishes: the non-private ones under packages/ and plugins/. */
function publishedPackages(): PackageDir[] {
  const found: PackageDir[] = [];
  for (const group of ['packages', 'plugins']) {
    for (const entry of readdirSync(path.join(REPO_ROOT, group)).sort()) {
      const dir = path.join(REPO_ROOT, group, entry);
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean };
      if (!pkg.private) found.push({ dir, name: pkg.name, version: pkg.version });
    }
  }
  return found;
}

/** Runs a command and fails the test with its output unless it exits 0. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeout?: number }): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: options.timeout ?? 120_000 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stderr}${result.stdout}`);
  return result;
}

/** The caller's environment without the npm_* settings pnpm hands its scripts, so npm reads only the user's own config. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(baseEnv()).filter(([key]) => !/^npm_/i.test(key)));
}

describe('the packed packages, installed with npm into an empty folder', () => {
  const packages = publishedPackages();
  const cli = packages.find((p) => p.name === '@radium-stats/cli')!;
  // NODE_ENV is the user's: vitest's NODE_ENV=test is not passed on.
  const env: NodeJS.ProcessEnv = { ...userEnv(), ...freshCliHome(), NODE_ENV: undefined };
  let root: string;
  let tarballs: string;
  let radBin: string;

  beforeAll(() => {
    root = tempDir('rad-packed-');
    tarballs = path.join(root, 'tarballs');
    const app = path.join(root, 'app');
    mkdirSync(tarballs);
    mkdirSync(app);
    writeFileSync(path.join(app, 'package.json'), '{ "private": true }\n');
    // pnpm rewrites workspace: dependencies to versions. Its prepack (a build) is skipped: `pnpm test`
    // built the tree first, and rebuilding dist/ in place would break the other tests running from it.
    for (const { dir } of packages) run('pnpm', ['pack', '--config.ignore-scripts=true', '--pack-destination', tarballs], { cwd: dir, env });
    const files = readdirSync(tarballs).map((name) => path.join(tarballs, name));
    const started = Date.now();
    run('npm', ['install', '--no-audit', '--no-fund', ...files], { cwd: app, env, timeout: INSTALL_TIMEOUT_MS });
    console.info(`npm install of ${files.length} tarballs: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    radBin = path.join(app, 'node_modules', '.bin', 'rad');
  }, INSTALL_TIMEOUT_MS + 120_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  });

  const rad = (...args: string[]) => run(radBin, args, { cwd: path.dirname(radBin), env });

  it('packs each package with its LICENSE, README and build, without source maps, tests or workspace: ranges', () => {
    for (const { name, version } of packages) {
      const tarball = path.join(tarballs, `${name.replace('@', '').replace('/', '-')}-${version}.tgz`);
      const listed = run('tar', ['-tzf', tarball], { cwd: root, env }).stdout.split('\n').filter(Boolean);
      for (const file of ['package/LICENSE', 'package/README.md', 'package/package.json', 'package/dist/index.js']) {
        expect(listed, `${name} lacks ${file}`).toContain(file);
      }
      expect(listed.filter((file) => /\.map$|\.test\./.test(file)), `${name} ships these`).toEqual([]);
      const manifest = run('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: root, env }).stdout;
      expect(manifest, `${name}'s package.json`).not.toContain('workspace:');
    }
    const cliFiles = run('tar', ['-tzf', path.join(tarballs, `radium-stats-cli-${cli.version}.tgz`)], { cwd: root, env }).stdout;
    expect(cliFiles).toContain('package/oclif.manifest.json');
    expect(cliFiles).toContain('package/bin/run.js');
  });

  it('rad --version names the installed CLI', () => {
    expect(rad('--version').stdout).toMatch(new RegExp(`^@radium-stats/cli/${cli.version.replace(/\./g, '\\.')} \\S+ node-v`));
  });

  it('rad stats session shows the example session as the workspace build does', () => {
    const workspace = exampleWorkspace();
    const result = rad('stats', 'session', '--workspace', workspace);
    expectGolden('example-session-a', result.stdout);
    expect(result.stderr).toBe('');
  });

  it('prints no warning about missing TypeScript sources when NODE_ENV is development', () => {
    const result = run(radBin, ['stats', 'session', '--workspace', exampleWorkspace()], { cwd: path.dirname(radBin), env: { ...env, NODE_ENV: 'development' } });
    expect(result.stderr).toBe('');
  });

  it('rad plugins --core lists every bundled plugin, from the installed packages', () => {
    const bundled = (JSON.parse(readFileSync(path.join(CLI_ROOT, 'package.json'), 'utf8')) as { oclif: { plugins: string[] } }).oclif.plugins;
    const lines = rad('plugins', '--core').stdout.split('\n');
    for (const plugin of bundled) {
      const expected = packages.find((p) => p.name === plugin);
      const line = lines.find((l) => l.startsWith(`${plugin} `));
      expect(line, `${plugin} missing from:\n${lines.join('\n')}`).toMatch(/ \(core\)$/);
      if (expected) expect(line).toBe(`${plugin} ${expected.version} (core)`);
    }
  });
});
