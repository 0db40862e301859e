import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { freshCliHome, rad, radAsync, radOk } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

// Temp folders must never be found inside some enclosing repository.
const env = { ...freshCliHome(), GIT_CEILING_DIRECTORIES: tmpdir() };

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, env: { ...process.env, LC_ALL: 'C' } });
}

/**
 * A folder holding a `git` that takes two seconds to write a tree, as in a big repository: both
 * `rad session end` runs are then surely inside their end hooks at the same time.
 */
function slowGitPath(): string {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = tempDir('rad-slow-git-');
  const wrapper = path.join(dir, 'git');
  writeFileSync(wrapper, `#!/bin/sh\ncase " $* " in *" write-tree "*) sleep 2;; esac\nexec ${JSON.stringify(realGit)} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return `${dir}${path.delimiter}${process.env.PATH ?? ''}`;
}

describe('two `rad session end` of one session at once', () => {
  it('ends it once: the other exits 1 saying it has already ended, and the journal has one session.end and one end snapshot', async () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    git(ws, 'init', '-q');
    writeFileSync(path.join(ws, 'code.txt'), 'one\n');
    git(ws, 'add', 'code.txt');
    git(ws, 'commit', '-q', '-m', 'initial');
    const id = radOk(['session', 'start', '--session-id', 'race-1'], { cwd: ws, env }).stdout.trim();
    writeFileSync(path.join(ws, 'code.txt'), 'one\ntwo\n');

    const slow = { ...env, PATH: slowGitPath() };
    const results = await Promise.all([radAsync(['session', 'end', '--session-id', id], { cwd: ws, env: slow }), radAsync(['session', 'end', '--session-id', id], { cwd: ws, env: slow })]);

    expect(results.map((r) => r.status).sort()).toEqual([0, 1]);
    const winner = results.find((r) => r.status === 0)!;
    const loser = results.find((r) => r.status === 1)!;
    expect(winner.stdout).toMatch(/^Code Changes: +\+1 -0$/m);
    expect(loser.stdout).toBe('');
    expect(loser.stderr).toBe(`Error: Session ${id} has already ended: run \`rad stats session --session-id ${id}\` to see its summary.\n`);

    const sessions = path.join(ws, '.radium', '_internals', 'sessions');
    const journal = readFileSync(path.join(sessions, `${id}.events.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; phase?: string });
    expect(journal.filter((e) => e.type === 'session.end')).toHaveLength(1);
    expect(journal.filter((e) => e.type === 'git.snapshot').map((e) => e.phase)).toEqual(['start', 'end']);
    expect(readdirSync(sessions).filter((name) => name.includes('lock'))).toEqual([]);

    const again = rad(['session', 'end', '--session-id', id, '--json'], { cwd: ws, env });
    expect(again.status).toBe(1);
    expect(jsonOutput<{ error: { name: string } }>(again.stdout, 'error.schema.json').error.name).toBe('SessionAlreadyEndedError');
  }, 120_000);
});
