import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { exampleWorkspace, freshCliHome, rad, radOk, warningsOf, type RadResult } from '../helpers/rad.js';

const env = freshCliHome();
/** The example's sessions, newest first. */
const A = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';
const B = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
/** A FIFO or device opened by mistake blocks or never ends: a run that takes this long has hung. */
const HANG_MS = 30_000;

const sessionsOf = (cwd: string) => path.join(cwd, '.radium', '_internals', 'sessions');
const run = (cwd: string, args: string[], extra: NodeJS.ProcessEnv = {}): RadResult => rad(args, { cwd, env: { ...env, ...extra }, timeoutMs: HANG_MS });

function mkfifo(file: string): void {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr}`);
}

/**
 * Puts each kind of non-file under a report and a journal name: a directory, a FIFO, a dangling
 * link, and a link to a FIFO elsewhere (standing in for a link to /dev/zero). Returns their paths.
 */
function addOddEntries(cwd: string, copies = 1, tag = 'odd'): string[] {
  const dir = sessionsOf(cwd);
  const fifo = path.join(tempDir(), 'fifo');
  mkfifo(fifo);
  const made: string[] = [];
  for (let i = 0; i < copies; i++) {
    for (const suffix of ['.json', '.events.jsonl']) {
      // Ids differ by suffix: a session with only this one file, so each is what hides it.
      const at = (kind: string) => path.join(dir, `${tag}-${kind}-${i}-${suffix === '.json' ? 'report' : 'journal'}${suffix}`);
      mkdirSync(at('dir'));
      mkfifo(at('fifo'));
      symlinkSync(path.join(dir, 'no-such-target'), at('dangling'));
      symlinkSync(fifo, at('link-to-fifo'));
      made.push(at('dir'), at('fifo'), at('dangling'), at('link-to-fifo'));
    }
  }
  return made;
}

/** Asserts a run succeeded and warned, in one line each, about every one of `files`. */
function expectSkipped(result: RadResult, files: readonly string[]): void {
  expect(result.status, result.stderr).toBe(0);
  const warnings = warningsOf(result);
  for (const file of files) expect(warnings.some((w) => w.includes(file)), `no warning names ${file}:\n${result.stderr}`).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** The ids of an export document, in order. */
const exportedIds = (stdout: string) => (JSON.parse(stdout) as { sessions: { sessionId: string }[] }).sessions.map((s) => s.sessionId);

describe('files in the sessions folder that are not regular files', () => {
  let clean: string;
  let cwd: string;
  let odd: string[];
  beforeAll(() => {
    clean = exampleWorkspace();
    cwd = exampleWorkspace();
    odd = addOddEntries(cwd);
  });

  const commands: [string, (result: RadResult, baseline: RadResult) => void][] = [
    ['history', (result) => expect((JSON.parse(result.stdout) as { total: number; sessions: { sessionId: string }[] }).sessions.map((s) => s.sessionId)).toEqual([A, B])],
    ['model', (result, baseline) => expect(JSON.parse(result.stdout)).toEqual(JSON.parse(baseline.stdout))],
    ['engine', (result, baseline) => expect(JSON.parse(result.stdout)).toEqual(JSON.parse(baseline.stdout))],
    ['session', (result) => expect((JSON.parse(result.stdout) as { sessionId: string }).sessionId).toBe(A)],
    ['export', (result) => expect(exportedIds(result.stdout)).toEqual([A, B])],
  ];
  it.each(commands)('stats %s skips each, with a warning naming it, and shows every real session', (command, check) => {
    const result = run(cwd, ['stats', command, '--json']);
    expectSkipped(result, odd);
    check(result, radOk(['stats', command, '--json'], { cwd: clean, env }));
  });

  it('keeps warning once the index is built, and warns about ones added after it', () => {
    const later = addOddEntries(cwd, 1, 'later');
    const result = run(cwd, ['stats', 'history', '--json']);
    expectSkipped(result, [...odd, ...later]);
    expect((JSON.parse(result.stdout) as { total: number }).total).toBe(2);
    for (const file of later) rmSync(file, { recursive: true });
  });

  it('names the file, in one line, when one is asked for by id', () => {
    const kinds = [['fifo', 'a FIFO'], ['link-to-fifo', 'a symbolic link to a FIFO'], ['dir', 'a directory'], ['dangling', 'a symbolic link to nothing']];
    for (const [id, what] of kinds.flatMap(([kind, what]) => [[`odd-${kind}-0-report`, what], [`odd-${kind}-0-journal`, what]])) {
      const result = run(cwd, ['stats', 'session', '--session-id', id!]);
      expect(result.status).toBe(1);
      const errors = result.stderr.split('\n').filter((line) => line.startsWith('Error: '));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^Error: ${sessionsOf(cwd)}/${id}\\.(json|events\\.jsonl) is ${what}, not a regular file; it was skipped \\(remove it or move it out of this folder\\)\\.$`));
    }
  });

  it('a session whose journal is fine is still shown when its report is a directory', () => {
    const ws = exampleWorkspace();
    mkdirSync(path.join(sessionsOf(ws), `${B}.json`));
    const result = run(ws, ['stats', 'export']);
    expectSkipped(result, [path.join(sessionsOf(ws), `${B}.json`)]);
    expect(exportedIds(result.stdout)).toEqual([A, B]);
  });
});

describe('a session deleted between listing and loading', () => {
  it('is skipped with a warning naming it', () => {
    const cwd = exampleWorkspace();
    const dir = sessionsOf(cwd);
    radOk(['stats', 'history'], { cwd, env });
    // An abandoned session: a journal without an end, so the index lists it and folds it on every read.
    const gone = 'abandoned-1';
    writeFileSync(path.join(dir, `${gone}.events.jsonl`), `${JSON.stringify({ type: 'session.start', ts: '2025-12-01T10:00:00.000Z', sessionId: gone, workspace: cwd })}\n`);
    // Times a minute old, so the index trusts the folder's time and does not list it again.
    const past = new Date(Date.now() - 60_000);
    for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), past, past);
    utimesSync(dir, past, past);
    expect((JSON.parse(radOk(['stats', 'history', '--json'], { cwd, env }).stdout) as { total: number }).total).toBe(3);
    // Deleted behind the index's back: it still lists the journal, as if it went mid-read.
    rmSync(path.join(dir, `${gone}.events.jsonl`));
    utimesSync(dir, past, past);
    for (const command of ['history', 'model', 'engine', 'session', 'export']) {
      const result = run(cwd, ['stats', command, '--json']);
      expect(result.status, `${command}: ${result.stderr}`).toBe(0);
      expect(warningsOf(result)).toContain(`Warning: Session "${gone}" was deleted while rad was reading it; it was skipped.`);
    }
  });
});

describe('reports that cannot be read', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = exampleWorkspace();
    radOk(['stats', 'history'], { cwd, env });
  });

  it('are not counted in the history total, so every advertised page has sessions', () => {
    const dir = sessionsOf(cwd);
    for (const name of ['broken-1', 'broken-2', 'broken-3']) writeFileSync(path.join(dir, `${name}.json`), '{ "schemaVersion": 1, "sessi');
    const json = JSON.parse(run(cwd, ['stats', 'history', '--limit', '1', '--json']).stdout) as { total: number };
    expect(json.total).toBe(2);
    const last = run(cwd, ['stats', 'history', '--limit', '1', '--offset', '1']);
    expect(last.stdout).toContain('Sessions 2-2 of 2.');
    expect(last.stdout).toMatch(new RegExp(`^${B.slice(0, 8)}  `, 'm'));
    for (const name of ['broken-1', 'broken-2', 'broken-3']) rmSync(path.join(dir, `${name}.json`));
  });

  it('one whose sessionId is not its file name is skipped with a warning, not counted twice', () => {
    const dir = sessionsOf(cwd);
    const before = radOk(['stats', 'model', '--json'], { cwd, env }).stdout;
    const copy = path.join(dir, 'copy-of-a.json');
    copyFileSync(path.join(dir, `${A}.json`), copy);
    for (const command of ['history', 'model', 'engine', 'export']) expectSkipped(run(cwd, ['stats', command, '--json']), [copy]);
    expect(JSON.parse(run(cwd, ['stats', 'model', '--json']).stdout)).toEqual(JSON.parse(before));
    expect((JSON.parse(run(cwd, ['stats', 'history', '--json']).stdout) as { total: number }).total).toBe(2);
    const compare = run(cwd, ['stats', 'compare', 'copy-of-a', A]);
    expect(compare.status).toBe(1);
    expect(compare.stderr.trim()).toBe(`Error: ${copy} is corrupt (its sessionId "${A}" is not its file name's "copy-of-a"); it was skipped.`);
    rmSync(copy);
  });

  it('one over the 64 MB ceiling is skipped unread, with a warning naming it and its size', () => {
    const big = path.join(sessionsOf(cwd), 'huge.json');
    // Sparse: 600 MB on paper, nothing on disk.
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    const warning = `Warning: ${big} is 600.0 MB (629145600 bytes), over the 64.0 MB a report may be; it was skipped.`;
    for (const command of ['history', 'model', 'engine', 'session', 'export']) {
      const result = run(cwd, ['stats', command, '--json']);
      expect(result.status, `${command}: ${result.stderr}`).toBe(0);
      expect(warningsOf(result)).toContain(warning);
    }
    const asked = run(cwd, ['stats', 'session', '--session-id', 'huge']);
    expect(asked.status).toBe(1);
    expect(asked.stderr.trim()).toBe(warning.replace(/^Warning: /, 'Error: '));
    rmSync(big);
  });
});

describe('odd files while a large index is built', () => {
  /** More sessions than an index build keeps in memory, so a rebuild streams: on a reading thread, or on build threads. */
  const SESSIONS = 4_100;
  let cwd: string;
  let odd: string[];
  beforeAll(() => {
    cwd = exampleWorkspace();
    const dir = sessionsOf(cwd);
    radOk(['stats', 'history'], { cwd, env });
    const template = JSON.parse(readFileSync(path.join(dir, `${A}.json`), 'utf8')) as Record<string, unknown>;
    for (let i = 0; i < SESSIONS; i++) {
      const id = `bulk-${String(i).padStart(5, '0')}`;
      writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ ...template, sessionId: id, startTime: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString() }));
    }
    // Several of each, spread over a large folder.
    odd = addOddEntries(cwd, 8);
    const big = path.join(dir, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    copyFileSync(path.join(dir, `${A}.json`), path.join(dir, 'copy-of-a.json'));
    odd.push(big, path.join(dir, 'copy-of-a.json'));
  });

  it('skips each with a warning when the store is rebuilt, and again on the next run', () => {
    rmSync(path.join(cwd, '.radium', '_internals', 'stats.db'), { force: true });
    for (let run_ = 0; run_ < 2; run_++) {
      const result = run(cwd, ['stats', 'history', '--json'], {});
      expectSkipped(result, odd);
      expect((JSON.parse(result.stdout) as { total: number }).total).toBe(SESSIONS + 2);
    }
  });
});
