import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { CLI_ROOT, REPO_ROOT, exampleWorkspace, freshCliHome, rad, radOk, warningsOf } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'plugin-deploys');
const FIXTURES = path.join(CLI_ROOT, 'test', 'fixtures');

/** Packs the example plugin as its author would publish it (prepack builds it). */
function packExample(): string {
  const dest = tempDir('rad-pack-');
  const result = spawnSync('npx', ['-y', 'pnpm@10.34.9', 'pack', '--pack-destination', dest], { cwd: EXAMPLE, encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`pnpm pack failed\n${result.stderr}\n${result.stdout}`);
  const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball\n${result.stdout}`);
  return path.join(dest, tarball);
}

interface Report {
  sessionId: string;
  sections: Record<string, unknown>;
}

describe('a third-party plugin installed with `rad plugins install <tarball>`', () => {
  const env = freshCliHome();
  let cwd: string;
  let id: string;

  beforeAll(() => {
    const tarball = packExample();
    // A relative path, as a user would type it; rad turns it into a file: URL for npm.
    const relative = path.relative(path.dirname(tarball), tarball);
    radOk(['plugins', 'install', relative], { cwd: path.dirname(tarball), env, timeoutMs: 280_000 });
    cwd = path.join(tempDir(), 'ws');
    radOk(['init', cwd], { cwd: tempDir(), env });
    id = radOk(['session', 'start'], { cwd, env }).stdout.trim();
    const events = [
      { type: 'acme.deploy', environment: 'production', success: true },
      { type: 'acme.deploy', environment: 'production', success: false },
      { type: 'acme.deploy', environment: 'staging', success: true },
      { type: 'tool.call', name: 'run_shell_command', success: true, durationMs: 4000 },
    ];
    radOk(['session', 'record', '--session-id', id], { cwd, env, input: events.map((e) => JSON.stringify(e)).join('\n') });
    radOk(['session', 'end', '--session-id', id], { cwd, env });
  }, 300_000);

  it('is listed by `rad plugins`', () => {
    // oclif styles this listing itself; the name and version are what a user reads.
    expect(stripVTControlCharacters(radOk(['plugins'], { cwd, env: { ...env, CI: '1', COLORTERM: 'truecolor' } }).stdout)).toMatch(/^@acme\/rad-plugin-deploys 0\.1\.0/m);
  });

  it('adds its section to `rad stats session` and to --json, next to the first-party ones', () => {
    const result = radOk(['stats', 'session'], { cwd, env });
    expect(warningsOf(result)).toEqual([]);
    expect(result.stdout).toContain(['Deploys', 'Deploys:                    3 ( ✓ 2 x 1 )', '  » production:             2 ( ✓ 1 x 1 )', '  » staging:                1 ( ✓ 1 x 0 )'].join('\n'));
    expect(result.stdout).toContain('Tool Calls:                 1 ( ✓ 1 x 0 )');
    const report = jsonOutput<Report>(radOk(['stats', 'session', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report.sections.deploys).toEqual({ deploys: 3, failed: 1, byEnvironment: { production: { deploys: 2, failed: 1 }, staging: { deploys: 1, failed: 0 } } });
    expect(Object.keys(report.sections)).toEqual(expect.arrayContaining(['tools', 'timing', 'tokens', 'deploys']));
  });

  it('adds its column to history and its rows to compare', () => {
    expect(radOk(['stats', 'history'], { cwd, env }).stdout).toMatch(/Cost +Deploys\n/);
    const compare = jsonOutput<{ rows: { section: string; label: string; delta: number }[] }>(radOk(['stats', 'compare', id, id, '--json'], { cwd, env }).stdout, 'compare.schema.json');
    expect(compare.rows.filter((r) => r.section === 'Deploys').map((r) => r.label)).toEqual(['Delta', 'Failed']);
  });

  it('adds its own command, `rad stats deploys`', () => {
    const text = radOk(['stats', 'deploys'], { cwd, env }).stdout;
    expect(text.split('\n')).toEqual([
      'Deploys (all sessions: 1)',
      '',
      'Environment                Deploys    Failed',
      '────────────────────────────────────────────',
      'production                       2         1',
      'staging                          1         0',
      '────────────────────────────────────────────',
      'TOTAL                            3         1',
      '',
    ]);
    const json = JSON.parse(radOk(['stats', 'deploys', '--session-id', id, '--json'], { cwd, env }).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ scope: { kind: 'session', sessionId: id }, deploys: 3, failed: 1 });
    expect(radOk(['stats', '--help'], { cwd, env }).stdout).toMatch(/^  stats deploys +Show acme\.deploy counts/m);
  });

  it('disappears when config switches it off', () => {
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ collectors: { deploys: { enabled: false } } }));
    const result = radOk(['stats', 'session'], { cwd, env });
    expect(result.stdout).not.toContain('Deploys');
    expect(result.stdout).toContain('Tool Calls:');
    const report = jsonOutput<Report>(radOk(['stats', 'session', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report.sections.deploys).toBeUndefined();
    expect(radOk(['stats', 'history'], { cwd, env }).stdout).not.toContain('Deploys');
    const deploys = rad(['stats', 'deploys'], { cwd, env });
    expect(deploys.status).toBe(1);
    expect(deploys.stderr).toContain('No active plugin provides the "deploys" view');
  });
});

describe('broken plugins', () => {
  const env = freshCliHome();
  let cwd: string;
  beforeAll(() => {
    for (const fixture of ['plugin-throws', 'plugin-garbage', 'plugin-future']) {
      radOk(['plugins', 'link', '--no-install', path.join(FIXTURES, fixture)], { cwd: tempDir(), env });
    }
    cwd = exampleWorkspace();
  }, 120_000);

  it('each cost one warning naming them, and every other plugin still reports', () => {
    const result = radOk(['stats', 'session'], { cwd, env });
    const aboutFixtures = warningsOf(result).filter((w) => /rad-fixture-|Plugin future/.test(w));
    expect(aboutFixtures).toEqual([
      'Warning: Plugin rad-fixture-throws failed to load (fixture hook exploded); it was skipped.',
      'Warning: Plugin future: was written for plugin API 3, this rad implements 1 and 2: install a matching version; it was skipped.',
      'Warning: Plugin rad-fixture-garbage: has an invalid id "Not A Valid Id" (want ^[a-z][a-z0-9-]{0,63}$); it was skipped.',
    ]);
    for (const line of ['Tool Calls:                 231 ( ✓ 214 x 17 )', 'Wall Time:                  4h 9m 54s', 'Model Usage                  Reqs   Input Tokens  Output Tokens']) {
      expect(result.stdout).toContain(line);
    }
  });

  it('do not break --json output', () => {
    const result = rad(['stats', 'session', '--json'], { cwd, env });
    expect(result.status).toBe(0);
    const report = jsonOutput<Report>(result.stdout, 'session.schema.json');
    expect(Object.keys(report.sections)).toEqual(['tools', 'git', 'timing', 'tokens', 'cache']);
  });
});
