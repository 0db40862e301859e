import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { freshCliHome, radOk, warningsOf } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

// Temp folders must never be found inside some enclosing repository.
const env = { ...freshCliHome(), GIT_CEILING_DIRECTORIES: tmpdir() };

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, LC_ALL: 'C' } });
}

/** A workspace that is a repository with one commit, whose ignore rules cover the session files. */
function ignoringWorkspace(ignores: string): string {
  const ws = path.join(tempDir(), 'ws');
  mkdirSync(ws);
  git(ws, 'init', '-q');
  radOk(['init', ws], { cwd: ws, env });
  writeFileSync(path.join(ws, 'code.txt'), 'one\n');
  writeFileSync(path.join(ws, '.gitignore'), `${ignores}\n`);
  git(ws, 'add', '-A');
  git(ws, 'add', '-f', '.gitignore', 'code.txt');
  git(ws, 'commit', '-q', '-m', 'initial');
  return ws;
}

describe('git metrics of a session in a repository that ignores .radium', () => {
  it.each(['.radium', '.radium/_internals/', '.radium/*', '*'])('counts the lines changed when %s is ignored', (ignores) => {
    const ws = ignoringWorkspace(ignores);
    const id = radOk(['session', 'start'], { cwd: ws, env }).stdout.trim();
    writeFileSync(path.join(ws, 'code.txt'), 'one\ntwo\nthree\n');
    const ended = radOk(['session', 'end', '--session-id', id], { cwd: ws, env });
    expect(ended.stderr).toBe('');
    expect(ended.stdout).toMatch(/^Code Changes: +\+2 -0$/m);
    const report = jsonOutput<{ sections: { git?: unknown } }>(radOk(['stats', 'session', '--session-id', id, '--json'], { cwd: ws, env }).stdout, 'session.schema.json');
    expect(report.sections.git).toMatchObject({ source: 'git', linesAdded: 2, linesRemoved: 0, filesChanged: 1 });
  });
});

/** Whether git ignores a path of a repository (`git check-ignore` exits 0 for ignored, 1 for not). */
function gitIgnores(cwd: string, file: string): boolean {
  const result = spawnSync('git', ['check-ignore', '-q', '--no-index', file], { cwd, env: { ...process.env, LC_ALL: 'C' } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`git check-ignore failed: ${String(result.stderr)}`);
  return result.status === 0;
}

describe('rad init keeps the session data out of git', () => {
  it('adds .radium/_internals/ to .gitignore once, leaving the team config shareable', () => {
    const ws = path.join(tempDir(), 'ws');
    mkdirSync(ws);
    git(ws, 'init', '-q');
    const first = radOk(['init', ws], { cwd: ws, env });
    expect(first.stdout).toBe(
      `Created Radium workspace in ${ws}\nAdded .radium/_internals/ to ${path.join(ws, '.gitignore')} (sessions and the stats store stay out of git; .radium/stats.config.json can be committed).\n`,
    );
    expect(readFileSync(path.join(ws, '.gitignore'), 'utf8')).toBe('.radium/_internals/\n');
    expect(gitIgnores(ws, '.radium/_internals/sessions/s1.events.jsonl')).toBe(true);
    expect(gitIgnores(ws, '.radium/_internals/stats.db')).toBe(true);
    expect(gitIgnores(ws, '.radium/stats.config.json')).toBe(false);

    const again = jsonOutput<{ gitignore: unknown }>(radOk(['init', ws, '--json'], { cwd: ws, env }).stdout, 'init.schema.json');
    expect(again.gitignore).toEqual({ file: path.join(ws, '.gitignore'), outcome: 'present' });
    expect(radOk(['init', ws], { cwd: ws, env }).stdout).toBe(`Radium workspace already exists in ${ws}\n`);
    expect(readFileSync(path.join(ws, '.gitignore'), 'utf8')).toBe('.radium/_internals/\n');
  });

  it("appends to a project's own .gitignore on a line of its own, and to a workspace made before", () => {
    const ws = path.join(tempDir(), 'ws');
    mkdirSync(ws);
    radOk(['init', ws], { cwd: ws, env });
    writeFileSync(path.join(ws, '.gitignore'), 'node_modules\r\ndist');
    expect(radOk(['init', ws], { cwd: ws, env }).stdout).toContain(`Added .radium/_internals/ to ${path.join(ws, '.gitignore')}`);
    expect(readFileSync(path.join(ws, '.gitignore'), 'utf8')).toBe('node_modules\r\ndist\r\n.radium/_internals/\r\n');
  });

  it.each(['/.radium/_internals', '.radium/_internals/*', '.radium/', '**/_internals/'])('leaves a .gitignore that has %s as it is', (line) => {
    const ws = path.join(tempDir(), 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, '.gitignore'), `# build\n${line}\n`);
    expect(radOk(['init', ws], { cwd: ws, env }).stdout).toBe(`Created Radium workspace in ${ws}\n`);
    expect(readFileSync(path.join(ws, '.gitignore'), 'utf8')).toBe(`# build\n${line}\n`);
  });

  it('leaves a .gitignore that is not a regular file alone, with a warning', () => {
    const ws = path.join(tempDir(), 'ws');
    mkdirSync(ws);
    execFileSync('mkfifo', [path.join(ws, '.gitignore')]);
    const result = radOk(['init', ws], { cwd: ws, env });
    expect(result.stdout).toBe(`Created Radium workspace in ${ws}\n`);
    expect(warningsOf(result)).toEqual([`Warning: ${path.join(ws, '.gitignore')} is not a regular file, so .radium/_internals/ was not added to it: keep that folder out of git yourself.`]);
  });
});
