import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { BIN, baseEnv, freshCliHome, rad, radOk, type RadResult } from '../helpers/rad.js';
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

/** A Claude Code transcript of session SESSION in `root`, two responses today: 100k uncached, 100k cache-write, 800k cache-read and 10k output tokens. */
function claudeLogs(root: string): string {
  const home = tempDir('rad-statusline-claude-');
  const dir = path.join(home, 'projects', root.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const base = (ts: string) => ({ sessionId: SESSION, cwd: root, timestamp: ts });
  const usage = { input_tokens: 50_000, output_tokens: 5_000, cache_read_input_tokens: 400_000, cache_creation_input_tokens: 50_000, cache_creation: { ephemeral_5m_input_tokens: 50_000, ephemeral_1h_input_tokens: 0 } };
  const lines = [
    { ...base(at(today, '00:00:01.000')), type: 'user', message: { role: 'user', content: 'hi' } },
    { ...base(at(today, '00:00:02.000')), type: 'assistant', requestId: 'r1', message: { id: 'm1', model: MODEL, content: [{ type: 'text', text: 'a' }], usage } },
    { ...base(at(today, '00:00:03.000')), type: 'assistant', requestId: 'r2', message: { id: 'm2', model: MODEL, content: [{ type: 'text', text: 'b' }], usage } },
  ];
  writeFileSync(path.join(dir, `${SESSION}.jsonl`), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
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
  expect(result.status).toBe(0);
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
