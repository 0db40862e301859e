import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { expectGolden, normalize } from '../helpers/golden.js';
import { freshCliHome, radOk } from '../helpers/rad.js';

const env = freshCliHome();
const cwd = tempDir();
const VERSION_LINE = /@radium-stats\/cli\/\S+ \S+ node-v\S+/g;

const COMMANDS = [
  ['init'],
  ['session', 'start'],
  ['session', 'record'],
  ['session', 'end'],
  ['stats', 'session'],
  ['stats', 'model'],
  ['stats', 'engine'],
  ['stats', 'history'],
  ['stats', 'compare'],
  ['stats', 'export'],
  ['stats', 'calendar'],
  ['stats', 'dashboard'],
];

describe('help', () => {
  it('`rad --help` and `rad stats --help` list the topics and commands', () => {
    expectGolden('help-root', radOk(['--help'], { cwd, env }).stdout.replace(VERSION_LINE, '@radium-stats/cli/<version>'));
    const stats = radOk(['stats', '--help'], { cwd, env }).stdout;
    expect(stats).toMatch(/^Show what agent sessions cost, where their time went and what they changed\.\n\nUSAGE\n  \$ rad stats COMMAND\n/);
    for (const command of ['compare', 'engine', 'export', 'history', 'model', 'session']) expect(stats).toMatch(new RegExp(`^  stats ${command} +\\S`, 'm'));
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('`rad %s --help` has a summary, its flags and examples', (_name, command) => {
    const text = radOk([...command, '--help'], { cwd, env }).stdout;
    expect(text).toMatch(/^USAGE\n/m);
    expect(text).toMatch(/^EXAMPLES\n/m);
    expect(text).toContain(`$ rad ${command.join(' ')}`);
    if (command[0] !== 'init') expect(text).toContain('--workspace=DIR');
    expect(text).toContain('--json');
  });

  it('`rad stats session --help` reads as its golden file', () => {
    expectGolden('help-stats-session', normalize(radOk(['stats', 'session', '--help'], { cwd, env }).stdout, {}));
  });

  it('`rad --version` prints the version without loading any metric plugin', () => {
    const result = radOk(['--version'], { cwd, env });
    expect(result.stdout).toMatch(/^@radium-stats\/cli\/0\.\d+\.\d+ /);
    expect(result.stderr).toBe('');
  });
});
