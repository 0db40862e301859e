import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { freshCliHome, rad, radOk } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const cliHome = freshCliHome();
const MODEL = 'claude-sonnet-4-5-20250929';

/** Agents' own overrides taken out, so only HOME decides where their logs are. */
const noAgentEnv = { CLAUDE_CONFIG_DIR: undefined, CODEX_HOME: undefined, GEMINI_CLI_HOME: undefined };

/** One Claude Code response line of session `sid`, with exact token counts. */
function response(sid: string, cwd: string, n: number, input: number, output: number): string {
  const ts = new Date(Date.parse('2026-03-02T10:00:00.000Z') + n * 60_000).toISOString();
  const usage = { input_tokens: input, output_tokens: output, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 };
  return `${JSON.stringify({ sessionId: sid, cwd, timestamp: ts, type: 'assistant', requestId: `r-${sid}-${n}`, message: { id: `m-${sid}-${n}`, model: MODEL, content: [{ type: 'text', text: 'ok' }], usage } })}\n`;
}

/** A project workspace with `import.auto` set, and a home whose Claude Code logs are under `.claude/projects`. */
function setup(auto: unknown = ['claude-code']) {
  const cwd = tempDir('rad-auto-ws-');
  const home = tempDir('rad-auto-home-');
  const env = { ...cliHome, ...noAgentEnv, HOME: home };
  radOk(['init', cwd], { cwd, env });
  writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ import: { auto } }));
  const logs = path.join(home, '.claude', 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
  const log = (sid: string) => path.join(logs, `${sid}.jsonl`);
  /** Appends responses `[input, output]` to session `sid`'s log, numbered on from `from`. */
  const write = (sid: string, from: number, ...tokens: [number, number][]) => {
    mkdirSync(logs, { recursive: true });
    appendFileSync(log(sid), tokens.map(([input, output], i) => response(sid, cwd, from + i, input, output)).join(''));
  };
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) => rad(args, { cwd, env: { ...env, ...extra } });
  const model = (args: string[] = [], extra: NodeJS.ProcessEnv = {}) => {
    const result = run(['stats', 'model', '--json', ...args], extra);
    expect(result.status, result.stderr).toBe(0);
    return jsonOutput<{ total: { requests: number; inputTokens: number; outputTokens: number }; scope: { sessions: number } }>(result.stdout, 'model.schema.json');
  };
  return { cwd, home, env, logs, write, run, model };
}

/**
 * Every file and folder under the workspace's `.radium` with its modification time, but the stats
 * store and the folder holding it (reading the store may create and remove its WAL files). A folder's
 * time changes when a file in it comes or goes, such as the lock an import takes.
 */
function radiumFiles(cwd: string): Record<string, number> {
  const dir = path.join(cwd, '.radium');
  const out: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const name = path.relative(dir, file);
    if (entry.name.startsWith('stats.db') || name === '_internals') continue;
    out[name] = statSync(file).mtimeMs;
  }
  return out;
}

describe('auto-import (config import.auto)', () => {
  it('imports a new Claude Code log before `rad stats model` answers, and says so on stderr', () => {
    const { write, run } = setup();
    write('s1', 0, [100, 20], [7, 3]);
    const result = run(['stats', 'model']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(MODEL);
    expect(result.stderr).toBe('Imported 1 new session from Claude Code (import.auto; --no-import skips).\n');
  });

  it('adds exactly the new responses of a grown log', () => {
    const { write, model, run } = setup();
    write('s1', 0, [100, 20]);
    expect(model().total).toMatchObject({ requests: 1, inputTokens: 100, outputTokens: 20 });
    write('s1', 1, [5, 1], [7, 3]);
    expect(run(['stats', 'history']).stderr).toBe('Imported 0 new sessions from Claude Code, 1 updated (import.auto; --no-import skips).\n');
    const after = model();
    expect(after.total).toMatchObject({ requests: 3, inputTokens: 112, outputTokens: 24 });
    expect(after.scope.sessions).toBe(1);
  });

  it('rewrites nothing in the workspace when no log changed, and says nothing', () => {
    const { cwd, write, run } = setup();
    write('s1', 0, [100, 20]);
    write('s2', 0, [1, 1]);
    expect(run(['stats', 'model']).status).toBe(0);
    const before = radiumFiles(cwd);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['_internals/imports', '_internals/sessions/claude-code-s1.events.jsonl', '_internals/sessions/claude-code-s2.json']));
    const again = run(['stats', 'model']);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('');
    expect(radiumFiles(cwd)).toEqual(before);
  });

  it("still answers, silently, when the agent's log folder vanished", () => {
    const { home, write, model, run } = setup();
    write('s1', 0, [100, 20]);
    expect(model().total.requests).toBe(1);
    rmSync(path.join(home, '.claude'), { recursive: true });
    const result = run(['stats', 'model']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(model().total.requests).toBe(1);
  });

  it('is skipped for one command by --no-import and for a shell by RADIUM_NO_AUTO_IMPORT=1', () => {
    const { write, model, run } = setup();
    write('s1', 0, [100, 20]);
    expect(model().total.requests).toBe(1);
    write('s2', 0, [3, 4]);
    expect(model(['--no-import']).total.requests).toBe(1);
    expect(model([], { RADIUM_NO_AUTO_IMPORT: '1' }).total.requests).toBe(1);
    const daily = run(['stats', 'daily', '--no-import'], { RADIUM_NO_AUTO_IMPORT: '0' });
    expect(daily.status).toBe(0);
    expect(daily.stderr).toBe('');
    expect(model([], { RADIUM_NO_AUTO_IMPORT: '0' }).total).toMatchObject({ requests: 2, inputTokens: 103, outputTokens: 24 });
  });

  it('keeps stdout valid JSON under --json while it imports (and export stdout a valid document)', () => {
    const { write, run } = setup();
    write('s1', 0, [100, 20]);
    const model = run(['stats', 'model', '--json']);
    expect(model.status).toBe(0);
    expect(jsonOutput<{ total: { inputTokens: number } }>(model.stdout, 'model.schema.json').total.inputTokens).toBe(100);
    expect(model.stderr).toBe('');
    write('s2', 0, [3, 4]);
    const exported = run(['stats', 'export']);
    expect(exported.status).toBe(0);
    expect(jsonOutput<{ sessions: unknown[] }>(exported.stdout, 'export.schema.json').sessions).toHaveLength(2);
  });

  it('refuses an agent no importer has, in one line naming it and the known ones; --no-import still answers', () => {
    const { run } = setup(['claude-code', 'cursor']);
    const result = run(['stats', 'history']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Error: Config: `import.auto` names "cursor", which is not an importer: use claude-code, codex, gemini, amp, opencode (or remove it).\n');
    const skipped = run(['stats', 'history', '--no-import']);
    expect(skipped.stderr).toMatch(/^Error: No session history found/);
  });
});

describe('rad init --global and auto-import', () => {
  it('turns auto-import on for exactly the agents whose log folder exists in HOME', () => {
    const home = tempDir('rad-auto-home-');
    const radiumHome = tempDir('rad-auto-global-');
    mkdirSync(path.join(home, '.claude', 'projects'), { recursive: true });
    mkdirSync(path.join(home, '.codex', 'sessions'), { recursive: true });
    const env = { ...cliHome, ...noAgentEnv, HOME: home, RADIUM_HOME: radiumHome };
    const created = jsonOutput<{ autoImport?: string[] }>(radOk(['init', '--global', '--json'], { cwd: tempDir(), env }).stdout, 'init.schema.json');
    expect(created.autoImport).toEqual(['claude-code', 'codex']);
    expect(JSON.parse(readFileSync(path.join(radiumHome, '.radium', 'stats.config.json'), 'utf8'))).toEqual({ import: { auto: ['claude-code', 'codex'] } });
    const again = radOk(['init', '--global', '--json'], { cwd: tempDir(), env }).stdout;
    expect(JSON.parse(again)).toEqual({ root: radiumHome, created: false, global: true });
  });

  it('leaves a project workspace without auto-import', () => {
    const cwd = tempDir('rad-auto-ws-');
    const home = tempDir('rad-auto-home-');
    mkdirSync(path.join(home, '.claude', 'projects'), { recursive: true });
    radOk(['init', cwd], { cwd, env: { ...cliHome, ...noAgentEnv, HOME: home } });
    expect(readdirSync(path.join(cwd, '.radium'))).not.toContain('stats.config.json');
  });

  it('imports the sessions of every project into the global workspace', () => {
    const home = tempDir('rad-auto-home-');
    const radiumHome = tempDir('rad-auto-global-');
    const elsewhere = '/work/some-project';
    const logs = path.join(home, '.claude', 'projects', elsewhere.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(logs, { recursive: true });
    writeFileSync(path.join(logs, 's1.jsonl'), response('s1', elsewhere, 0, 40, 2));
    const env = { ...cliHome, ...noAgentEnv, HOME: home, RADIUM_HOME: radiumHome };
    radOk(['init', '--global'], { cwd: tempDir(), env });
    const result = radOk(['stats', 'model', '--json'], { cwd: tempDir(), env });
    expect(jsonOutput<{ total: { inputTokens: number } }>(result.stdout, 'model.schema.json').total.inputTokens).toBe(40);
  });
});
