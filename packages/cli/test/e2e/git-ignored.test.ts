import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { freshCliHome, radOk } from '../helpers/rad.js';
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
