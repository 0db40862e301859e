import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { BIN, CLI_ROOT, baseEnv, freshCliHome, rad, radOk, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = { ...freshCliHome(), TZ: 'UTC' };
const SESSION = '6170607e-1111-4111-8111-111111111111';
const MODEL = 'claude-sonnet-4-5-20250929';
// Midnight UTC today and yesterday: every response below lies in the first minute of today (or the last minutes of yesterday), never after now.
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const at = (day: string, time: string) => `${day}T${time}Z`;

/** Claude Code's status line JSON (the shape in agent-log-formats.md). */
function statusJson(fields: { sessionId?: string; dir: string; model?: string; limits?: boolean }): string {
  return JSON.stringify({
    session_id: fields.sessionId ?? SESSION,
    transcript_path: `/home/me/.claude/projects/x/${fields.sessionId ?? SESSION}.jsonl`,
    cwd: fields.dir,
    version: '2.1.90',
    model: { id: MODEL, display_name: fields.model ?? 'Sonnet 4.5' },
    workspace: { current_dir: fields.dir, project_dir: fields.dir },
    cost: { total_cost_usd: 0.0123, total_duration_ms: 45000, total_api_duration_ms: 2300, total_lines_added: 156, total_lines_removed: 23 },
    context_window: { context_window_size: 200000, used_percentage: 8.0 },
    ...(fields.limits === false ? {} : { rate_limits: { five_hour: { used_percentage: 23.5, resets_at: 1764400000 }, seven_day: { used_percentage: 67.8, resets_at: 1764900000 } } }),
  });
}

/** A Claude Code transcript of session `sessionId` in `root`, two responses today: 100k uncached, 100k cache-write, 800k cache-read and 10k output tokens. */
function claudeLogs(root: string, sessionId = SESSION): string {
  const home = tempDir('rad-statusline-claude-');
  const dir = path.join(home, 'projects', root.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const base = (ts: string) => ({ sessionId, cwd: root, timestamp: ts });
  const usage = { input_tokens: 50_000, output_tokens: 5_000, cache_read_input_tokens: 400_000, cache_creation_input_tokens: 50_000, cache_creation: { ephemeral_5m_input_tokens: 50_000, ephemeral_1h_input_tokens: 0 } };
  const lines = [
    { ...base(at(today, '00:00:01.000')), type: 'user', message: { role: 'user', content: 'hi' } },
    { ...base(at(today, '00:00:02.000')), type: 'assistant', requestId: `r1-${sessionId}`, message: { id: `m1-${sessionId}`, model: MODEL, content: [{ type: 'text', text: 'a' }], usage } },
    { ...base(at(today, '00:00:03.000')), type: 'assistant', requestId: `r2-${sessionId}`, message: { id: `m2-${sessionId}`, model: MODEL, content: [{ type: 'text', text: 'b' }], usage } },
  ];
  writeFileSync(path.join(dir, `${sessionId}.jsonl`), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  return home;
}

/** A recorded session's journal; each response is `millions` of input and as many output tokens of acme-a ($1 per million). */
function journal(root: string, id: string, start: string, responses: [ts: string, millions: number][]): void {
  const events: object[] = [{ type: 'session.start', ts: start, sessionId: id, workspace: root, agent: 'codex' }];
  for (const [ts, millions] of responses) events.push({ type: 'api.response', ts, model: 'acme-a', engine: 'acme', tokens: { input: millions * 1e6, output: millions * 1e6 } });
  events.push({ type: 'session.end', ts: responses.at(-1)![0] });
  writeFileSync(path.join(root, '.radium/_internals/sessions', `${id}.events.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

function statusline(input: string, options: { cwd?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {}): RadResult {
  const result = rad(['statusline', ...(options.args ?? [])], { cwd: options.cwd ?? tempDir(), env: { ...env, ...options.env }, input });
  expect(result.status, result.stderr).toBe(0);
  return result;
}

describe('rad statusline', () => {
  let ws: string;

  beforeAll(() => {
    ws = tempDir('rad-statusline-');
    radOk(['init', ws], { cwd: ws, env });
    writeFileSync(path.join(ws, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { [MODEL]: { input: 10, output: 10 }, 'acme-a': { input: 1, output: 1 } } } }));
    radOk(['stats', 'import', 'claude-code'], { cwd: ws, env: { ...env, CLAUDE_CONFIG_DIR: claudeLogs(ws) } });
    // $2 today; $1 yesterday and $1 today from a session that began yesterday; $5 wholly yesterday.
    journal(ws, 'today', at(today, '00:00:10'), [[at(today, '00:00:20'), 1]]);
    journal(ws, 'midnight', at(yesterday, '23:50:00'), [[at(yesterday, '23:55:00'), 0.5], [at(today, '00:00:05'), 0.5]]);
    journal(ws, 'yesterday', at(yesterday, '10:00:00'), [[at(yesterday, '10:05:00'), 2.5]]);
    // Any view makes the store; the status line only reads one.
    radOk(['stats', 'daily'], { cwd: ws, env });
  });

  it('shows the session from the store, today, its cache hit rate and the limits, from the workspace of Claude Code’s folder', () => {
    // $10 per million tokens of every kind, 1.01 million tokens; 800k cache reads of 1 million prompt tokens.
    const result = statusline(statusJson({ dir: path.join(ws, 'src') }));
    expect(result.stdout).toBe('Sonnet 4.5 · $10.10 session · $13.10 today · cache 80% · 5h 24% · 7d 68%\n');
    expect(result.stderr).toBe('');
  });

  it('leaves the limits out when Claude Code does not report them', () => {
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe('Sonnet 4.5 · $10.10 session · $13.10 today · cache 80%\n');
  });

  it('shows Claude Code’s own cost of a session the store does not hold, and today’s cache hit rate', () => {
    // Today: 800k cache reads of 2.5 million prompt tokens (1 million of Claude Code, 1 + 0.5 million recorded).
    const result = statusline(statusJson({ dir: ws, sessionId: '99999999-2222-4222-8222-222222222222' }));
    expect(result.stdout).toBe('Sonnet 4.5 · $0.01 session · $13.10 today · cache 32% today · 5h 24% · 7d 68%\n');
    expect(result.stderr).toBe('');
    expect(statusline(statusJson({ dir: ws, sessionId: '99999999-2222-4222-8222-222222222222' }), { args: ['--debug'] }).stderr).toBe(
      `rad statusline: session 99999999-2222-4222-8222-222222222222 is not in ${ws} (rad stats import claude-code brings it in).\n`,
    );
  });

  it('shows the same cost for today as rad stats daily', () => {
    const daily = jsonOutput<{ periods: { period: string; pricedCostUsd: number }[] }>(radOk(['stats', 'daily', '--json'], { cwd: ws, env }).stdout, 'periods.schema.json');
    const day = daily.periods.find((p) => p.period === today)!;
    expect(day.pricedCostUsd).toBeCloseTo(13.1, 9);
    const shown = /\$([\d.,]+) today/.exec(statusline(statusJson({ dir: ws })).stdout)?.[1];
    expect(shown).toBe(day.pricedCostUsd.toFixed(2));
  });

  it.each([
    ['empty stdin', ''],
    ['text that is not JSON', '\u001b[2J{not json'],
    ['JSON of the wrong shape', '[1,2,3]'],
    ['fields of the wrong types', JSON.stringify({ session_id: 7, model: 'Opus', workspace: { current_dir: 42 }, cost: { total_cost_usd: '1' }, rate_limits: { five_hour: { used_percentage: -3 } } })],
  ])('prints one line and exits 0 on %s', (_name, input) => {
    // From inside the workspace: today's figures are still known.
    const inside = statusline(input, { cwd: ws });
    expect(inside.stdout).toBe('$13.10 today · cache 32% today\n');
    expect(inside.stderr).toBe('');
    // Outside any workspace, nothing is known, and the bar still gets a line.
    const outside = statusline(input);
    expect(outside.stdout).toBe('rad: no cost data\n');
    expect(outside.stderr).toBe('');
  });

  it('answers with what arrived when its input is never closed, instead of hanging the status bar', async () => {
    const child = spawn(process.execPath, [BIN, 'statusline'], { cwd: tempDir(), env: { ...baseEnv(), ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.write(statusJson({ dir: ws, limits: false }));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: 'Sonnet 4.5 · $10.10 session · $13.10 today · cache 80%\n', stderr: '' });
  });

  it('shows what Claude Code reports when there is no workspace, or one with no store yet', () => {
    const line = 'Sonnet 4.5 · $0.01 session · 5h 24% · 7d 68%\n';
    const none = statusline(statusJson({ dir: tempDir() }));
    expect(none).toEqual({ status: 0, stdout: line, stderr: '' });
    const fresh = tempDir();
    radOk(['init', fresh], { cwd: fresh, env });
    expect(statusline(statusJson({ dir: fresh }))).toEqual({ status: 0, stdout: line, stderr: '' });
    expect(statusline(statusJson({ dir: fresh }), { args: ['--debug'] }).stderr).toMatch(/^rad statusline: no stats store in .* yet \(any rad stats view makes it\)/);
  });

  it('reads the global workspace when no project workspace is above Claude Code’s folder', () => {
    const home = tempDir('rad-statusline-home-');
    radOk(['init', home], { cwd: home, env });
    journal(home, 'global', at(today, '00:00:10'), [[at(today, '00:00:20'), 1]]);
    radOk(['stats', 'daily'], { cwd: home, env: { ...env, RADIUM_HOME: home } });
    const result = statusline(statusJson({ dir: tempDir(), limits: false }), { env: { RADIUM_HOME: home } });
    // acme-a has no price without the overrides of the project workspace.
    expect(result.stdout).toBe('Sonnet 4.5 · $0.01 session · $0.00+ today · cache 0% today\n');
    expect(result.stderr).toBe('');
  });

  it('prints a hostile model name as visible text, never as escape sequences', () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[31mOpus\u001b[0m\u202e\u0000';
    const { stdout } = statusline(statusJson({ dir: ws, model: hostile, limits: false }));
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(stdout).toBe('\\x1b]0;pwned\\x07\\x1b[31mOpus\\x1b[0m\\u{202e}\\x00 · $10.10 session · $13.10 today · cache 80%\n');
  });

  it('colours the limits with --color, never under NO_COLOR', () => {
    const input = statusJson({ dir: ws });
    expect(statusline(input, { args: ['--color'] }).stdout).toBe(
      'Sonnet 4.5\u001b[2m · \u001b[0m$10.10 session\u001b[2m · \u001b[0m$13.10 today\u001b[2m · \u001b[0mcache 80%\u001b[2m · \u001b[0m\u001b[32m5h 24%\u001b[0m\u001b[2m · \u001b[0m\u001b[33m7d 68%\u001b[0m\n',
    );
    expect(statusline(input, { args: ['--color'], env: { NO_COLOR: '1' } }).stdout).toBe('Sonnet 4.5 · $10.10 session · $13.10 today · cache 80% · 5h 24% · 7d 68%\n');
  });
});

/** Time after which the files rad wrote are old enough for the status line to trust their stamps (the store's 2-second rule). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2_100));

describe('rad statusline cache', () => {
  let ws: string;
  let cacheFile: string;
  let storeFile: string;

  /** A workspace like the one above: Claude Code's session SESSION ($10.10) and $3 of a recorded session today. */
  function workspace(): string {
    const root = tempDir('rad-statusline-cache-');
    radOk(['init', root], { cwd: root, env });
    writeFileSync(path.join(root, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { [MODEL]: { input: 10, output: 10 }, 'acme-a': { input: 1, output: 1 } } } }));
    radOk(['stats', 'import', 'claude-code'], { cwd: root, env: { ...env, CLAUDE_CONFIG_DIR: claudeLogs(root) } });
    journal(root, 'today', at(today, '00:00:10'), [[at(today, '00:00:20'), 1.5]]);
    radOk(['stats', 'daily'], { cwd: root, env });
    return root;
  }

  /** The cache as JSON, after `edit` changed it (a hand-made figure no store holds proves where an answer came from). */
  function editCache(edit: (cache: { today: { costUsd: number }; day: number[] }) => void): void {
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { today: { costUsd: number }; day: number[] };
    edit(cache);
    writeFileSync(cacheFile, JSON.stringify(cache));
  }

  /**
   * Runs the full command until it caches what it read: once nothing in the workspace is recent any
   * more, and the store has caught up with the last change (a run that brings it up to date writes it).
   */
  async function cached(input = statusJson({ dir: ws, limits: false })): Promise<string> {
    for (let run = 0; run < 3; run++) {
      await settle();
      rmSync(cacheFile, { force: true });
      const { stdout } = statusline(input);
      if (existsSync(cacheFile)) return stdout;
    }
    throw new Error('the status line never cached its figures');
  }

  const inode = (file: string) => `${statSync(file).ino}:${statSync(file).mtimeMs}`;

  beforeAll(() => {
    ws = workspace();
    cacheFile = path.join(ws, '.radium', '_internals', 'statusline.json');
    storeFile = path.join(ws, '.radium', '_internals', 'stats.db');
  });

  it('answers from its cache while the store is unchanged, loading neither oclif nor core, and leaves the store untouched', async () => {
    const line = 'Sonnet 4.5 · $10.10 session · $13.10 today · cache 80%\n';
    expect(await cached()).toBe(line);
    const store = inode(storeFile);
    const report = path.join(tempDir(), 'loaded.txt');
    writeFileSync(report, '');
    const fast = statusline(statusJson({ dir: ws, limits: false }), {
      env: { NODE_OPTIONS: `--import ${path.join(CLI_ROOT, 'test', 'fixtures', 'report-loaded.mjs')}`, RAD_TEST_LOADED_REPORT: report },
    });
    expect(fast.stdout).toBe(line);
    const loaded = readFileSync(report, 'utf8');
    expect(loaded).not.toContain('/@oclif/core/');
    expect(loaded).not.toContain('/core/dist/index.js');
    // A figure only the cache holds shows that the answer came from it.
    editCache((cache) => (cache.today.costUsd = 99));
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe('Sonnet 4.5 · $10.10 session · $99.00 today · cache 80%\n');
    // Neither the cached answers nor the full command's read wrote to the store.
    rmSync(cacheFile);
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe(line);
    expect(inode(storeFile)).toBe(store);
  });

  it('prints the same bytes from its cache as the full command', async () => {
    const hostile = '\u001b]0;pwned\u0007\u001b[31mOpus\u001b[0m\u202e\u0000';
    const cases: [string, string[], NodeJS.ProcessEnv][] = [
      [statusJson({ dir: path.join(ws, 'src') }), [], {}],
      [statusJson({ dir: ws }), ['--color'], {}],
      [statusJson({ dir: ws }), ['--color'], { NO_COLOR: '1' }],
      [statusJson({ dir: ws }), [], { FORCE_COLOR: '1' }],
      [statusJson({ dir: ws, model: hostile, limits: false }), [], {}],
      [statusJson({ dir: ws, sessionId: '99999999-2222-4222-8222-222222222222' }), [], {}],
      [JSON.stringify({ cwd: ws, model: { display_name: 'Opus' } }), [], {}],
    ];
    await settle();
    for (const [input, args, extra] of cases) {
      rmSync(cacheFile, { force: true });
      const full = statusline(input, { args, env: extra });
      // The full command wrote the cache; a second full run would write it again (a new file).
      const written = inode(cacheFile);
      const fast = statusline(input, { args, env: extra });
      expect(inode(cacheFile)).toBe(written);
      expect(fast).toEqual(full);
    }
  });

  it('reads the store again as soon as it changes: a new import, a new recorded session, new prices', async () => {
    await cached();
    editCache((cache) => (cache.today.costUsd = 99));
    const other = '7e7e7e7e-3333-4333-8333-333333333333';
    radOk(['stats', 'import', 'claude-code'], { cwd: ws, env: { ...env, CLAUDE_CONFIG_DIR: claudeLogs(ws, other) } });
    // Today: $13.10, and $10.10 of the other session.
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe('Sonnet 4.5 · $10.10 session · $23.20 today · cache 80%\n');

    await cached();
    editCache((cache) => (cache.today.costUsd = 99));
    journal(ws, 'later', at(today, '00:01:00'), [[at(today, '00:01:10'), 1]]);
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe('Sonnet 4.5 · $10.10 session · $25.20 today · cache 80%\n');

    await cached();
    editCache((cache) => (cache.today.costUsd = 99));
    writeFileSync(path.join(ws, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { [MODEL]: { input: 20, output: 20 }, 'acme-a': { input: 1, output: 1 } } } }));
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe('Sonnet 4.5 · $20.20 session · $45.40 today · cache 80%\n');
  });

  it('sees a live session grow, whose journal changes nothing else', async () => {
    const root = workspace();
    const line = (input: string) => statusline(input, { cwd: root }).stdout;
    const input = statusJson({ dir: root, limits: false });
    const id = radOk(['session', 'start', '--agent', 'statusline-test'], { cwd: root, env }).stdout.trim();
    await settle();
    expect(line(input)).toBe('Sonnet 4.5 · $10.10 session · $13.10 today · cache 80%\n');
    expect(line(input)).toBe('Sonnet 4.5 · $10.10 session · $13.10 today · cache 80%\n');
    radOk(['session', 'record', '--session-id', id], { cwd: root, env, input: JSON.stringify({ type: 'api.response', model: 'acme-a', engine: 'acme', tokens: { input: 1e6, output: 1e6 } }) });
    expect(line(input)).toBe('Sonnet 4.5 · $10.10 session · $15.10 today · cache 80%\n');
  });

  it('is not used on another day, in another time zone, or when it is damaged, and is written again', async () => {
    const line = await cached();
    editCache((cache) => {
      cache.today.costUsd = 99;
      cache.day = cache.day.map((ms) => ms - 86_400_000);
    });
    expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe(line);

    await cached();
    editCache((cache) => (cache.today.costUsd = 99));
    // Midnight in Tokyo is not midnight in UTC: another day.
    expect(statusline(statusJson({ dir: ws, limits: false }), { env: { TZ: 'Asia/Tokyo' } }).stdout).not.toContain('$99.00');

    for (const damaged of ['{"v":1,"root":', '[]', JSON.stringify({ v: 1, root: ws, today: 'x' }), '']) {
      writeFileSync(cacheFile, damaged);
      expect(statusline(statusJson({ dir: ws, limits: false })).stdout).toBe(line);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ v: 1, root: ws, today: { costUsd: expect.any(Number) } });
    }
  });
});
