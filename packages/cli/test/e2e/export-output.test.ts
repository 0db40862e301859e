import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { BIN, baseEnv, exampleWorkspace, freshCliHome, rad, radOk } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();

/** The pid of a process that has exited, standing in for an export or recorder that crashed. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('rad stats export --output that is not a regular file', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = exampleWorkspace();
  });

  it('writes into a FIFO as it is, with --force too, and prints the summary on stderr', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const copy = path.join(dir, 'copy.json');
    // The reader runs in its own process: spawnSync below blocks this one.
    const cat = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, copy]);
    const exited = new Promise((resolve) => cat.once('exit', resolve));
    const result = radOk(['stats', 'export', '--output', fifo, '--force'], { cwd, env, timeoutMs: 30_000 });
    expect(await exited).toBe(0);
    expect(jsonOutput<{ sessions: unknown[] }>(readFileSync(copy, 'utf8'), 'export.schema.json').sessions).toHaveLength(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`Exported 2 sessions to ${fifo}\n`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['copy.json', 'pipe']);
  });

  it('writes through a link to its own stdout (what /dev/stdout is) in a shell pipe, which then carries just the document', () => {
    const link = path.join(tempDir(), 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    // `| cat` makes rad's stdout a pipe, as in `rad stats export --output /dev/stdout | jq`; spawnSync alone would give it a socket.
    const result = spawnSync('sh', ['-c', '"$@" | cat', 'sh', process.execPath, BIN, 'stats', 'export', '--output', link], {
      cwd,
      env: { ...baseEnv(), ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe(`Exported 2 sessions to ${link}\n`);
    expect(jsonOutput<{ sessions: unknown[] }>(result.stdout, 'export.schema.json').sessions).toHaveLength(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it.each([[[]], [['--force']]])('refuses a directory in one line naming it (%j) and leaves it alone', (extra) => {
    const dir = path.join(tempDir(), 'out');
    mkdirSync(dir);
    const result = rad(['stats', 'export', '--output', dir, ...extra], { cwd, env });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `Error: ${dir} is a directory: --output must name a regular file, a FIFO or a character device such as /dev/stdout; choose another --output.\n`,
    );
    expect(result.stdout).toBe('');
    expect(lstatSync(dir).isDirectory()).toBe(true);
    expect(readdirSync(path.dirname(dir))).toEqual(['out']);
  });

  it('refuses a symbolic link to a directory even with --force, and keeps the link', () => {
    const root = tempDir();
    mkdirSync(path.join(root, 'real'));
    const link = path.join(root, 'link');
    symlinkSync(path.join(root, 'real'), link);
    const result = rad(['stats', 'export', '--output', link, '--force', '--json'], { cwd, env });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { name: 'OutputTypeError', message: expect.stringContaining(`${link} is a symbolic link to a directory:`) as unknown, exitCode: 1 },
    });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('with --force replaces the file a symbolic link points to and keeps the link', () => {
    const root = tempDir();
    const real = path.join(root, 'real.json');
    writeFileSync(real, 'old');
    const link = path.join(root, 'link.json');
    symlinkSync(real, link);
    expect(rad(['stats', 'export', '--output', link], { cwd, env }).stderr).toMatch(`${link} already exists: pass --force`);
    radOk(['stats', 'export', '--output', link, '--force'], { cwd, env });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(jsonOutput<{ sessions: unknown[] }>(readFileSync(real, 'utf8'), 'export.schema.json').sessions).toHaveLength(2);
  });
});

describe('temp files left by a crash', () => {
  it('an export removes the ones crashed exports left beside its file, and keeps a live process’s', () => {
    const cwd = exampleWorkspace();
    const dir = tempDir();
    const crashed = `.data.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.data.json.${process.pid}.0123456789ab.tmp`;
    writeFileSync(path.join(dir, crashed), '{"schemaVersion":1,"sess');
    writeFileSync(path.join(dir, live), '{"schemaVersion":1,"sess');
    radOk(['stats', 'export', '--output', path.join(dir, 'data.json')], { cwd, env });
    expect(readdirSync(dir).sort()).toEqual([live, 'data.json'].sort());
  });

  it('the next report written removes the ones crashed writers left beside the reports', () => {
    const cwd = exampleWorkspace();
    const sessions = path.join(cwd, '.radium', '_internals', 'sessions');
    const id = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
    const crashed = `.${id}.json.${deadPid()}.0123456789ab.tmp`;
    const live = `.${id}.json.${process.pid}.0123456789ab.tmp`;
    writeFileSync(path.join(sessions, crashed), '{"schemaVersion":1');
    writeFileSync(path.join(sessions, live), '{"schemaVersion":1');
    radOk(['stats', 'session', '--session-id', id], { cwd, env });
    const names = readdirSync(sessions);
    expect(names).toContain(`${id}.json`);
    expect(names).toContain(live);
    expect(names).not.toContain(crashed);
  });
});
