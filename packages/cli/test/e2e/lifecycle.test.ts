import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { CLI_ROOT, exampleWorkspace, freshCliHome, rad, radOk, warningsOf } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();

interface ToolsSection {
  calls: number;
  succeeded: number;
  failed: number;
}
interface Report {
  sessionId: string;
  status: string;
  agent?: string;
  sections: { tools?: ToolsSection; tokens?: unknown; timing?: unknown };
}

describe('rad init', () => {
  it('creates a workspace, then leaves it alone', () => {
    const dir = path.join(tempDir(), 'project');
    expect(radOk(['init', dir], { cwd: tempDir(), env }).stdout.split('\n')[0]).toBe(`Created Radium workspace in ${dir}`);
    expect(existsSync(path.join(dir, '.radium', '_internals', 'sessions'))).toBe(true);
    const again = jsonOutput(radOk(['init', dir, '--json'], { cwd: tempDir(), env }).stdout, 'init.schema.json');
    expect(again).toEqual({ root: dir, created: false, global: false, gitignore: { file: path.join(dir, '.gitignore'), outcome: 'present' } });
  });
});

describe('a session recorded from the shell', () => {
  let cwd: string;
  let id: string;
  beforeAll(() => {
    cwd = path.join(tempDir(), 'ws');
    radOk(['init', cwd], { cwd: tempDir(), env });
  });

  it('starts, records events (argument and stdin), shows as live, and ends with its summary', () => {
    const started = jsonOutput<{ sessionId: string; workspace: string }>(
      radOk(['session', 'start', '--agent', 'shell-test', '--session-id', 'shell-1', '--json'], { cwd, env }).stdout,
      'session-start.schema.json',
    );
    expect(started).toEqual({ sessionId: 'shell-1', workspace: cwd });
    id = started.sessionId;

    expect(radOk(['session', 'record', '--session-id', id, '{"type":"tool.call","name":"read_file","success":true,"durationMs":1200}'], { cwd, env }).stdout).toBe('');
    const piped = [
      '{"type":"tool.call","name":"replace","success":false,"durationMs":800}',
      '{"type":"api.response","model":"gemini-2.5-pro","engine":"gemini","durationMs":2500,"tokens":{"input":1200,"output":80}}',
    ].join('\n');
    const recorded = jsonOutput(radOk(['session', 'record', '--json'], { cwd, env, input: piped }).stdout, 'session-record.schema.json');
    expect(recorded).toEqual({ sessionId: id, recorded: 2 });

    const live = radOk(['stats', 'session'], { cwd, env }).stdout;
    expect(live).toContain(`Session ID:                 ${id}`);
    expect(live).toContain('Status:                     live (still recording)');
    expect(live).toContain('Tool Calls:                 2 ( ✓ 1 x 1 )');

    const ended = radOk(['session', 'end'], { cwd, env }).stdout;
    expect(ended).toContain(`Session ID:                 ${id}`);
    expect(ended).not.toContain('Status:');
    expect(existsSync(path.join(cwd, '.radium', '_internals', 'sessions', `${id}.json`))).toBe(true);
  });

  it('shows the ended session in every view, in both output modes', () => {
    const report = jsonOutput<Report>(radOk(['stats', 'session', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report).toMatchObject({ sessionId: id, status: 'ended', agent: 'shell-test' });
    expect(report.sections.tools).toMatchObject({ calls: 2, succeeded: 1, failed: 1 });

    expect(radOk(['stats', 'model'], { cwd, env }).stdout).toMatch(/gemini-2\.5-pro\s+1\s+1,200\s+80/);
    expect(radOk(['stats', 'engine', '--session-id', id], { cwd, env }).stdout).toMatch(/^gemini\s+1\s+1,200\s+80/m);
    jsonOutput(radOk(['stats', 'model', '--session-id', id, '--json'], { cwd, env }).stdout, 'model.schema.json');
    jsonOutput(radOk(['stats', 'engine', '--json'], { cwd, env }).stdout, 'engine.schema.json');

    const history = radOk(['stats', 'history'], { cwd, env }).stdout;
    expect(history.split('\n').slice(0, 4)).toEqual(['Recent Session Summaries', '', expect.stringMatching(/^Session +Started +Agent +Duration/), expect.stringMatching(/^─+$/)]);
    expect(history).toMatch(/^shell-1 +\d{4}-\d{2}-\d{2} \d{2}:\d{2} +\S/m);

    const compare = radOk(['stats', 'compare', id, id], { cwd, env }).stdout;
    expect(compare.split('\n').slice(0, 5)).toEqual(['Session Comparison', '═══════════════════', '', `Session A: ${id}`, `Session B: ${id}`]);
    expect(compare).toContain('  Delta: 0 (0.0%)');
    const compared = jsonOutput<{ rows: { delta: number | null }[] }>(radOk(['stats', 'compare', id, id, '--json'], { cwd, env }).stdout, 'compare.schema.json');
    expect(compared.rows.length).toBeGreaterThan(0);
    expect(compared.rows.every((r) => r.delta === 0 || r.delta === null)).toBe(true);
  });

  it('ends a session with --json, printing its report', () => {
    const other = radOk(['session', 'start'], { cwd, env }).stdout.trim();
    radOk(['session', 'record', '--session-id', other, '{"type":"tool.call","name":"glob","success":true}'], { cwd, env });
    const report = jsonOutput<Report>(radOk(['session', 'end', '--session-id', other, '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report).toMatchObject({ sessionId: other, status: 'ended' });
    expect(report.sections.tools).toMatchObject({ calls: 1 });
  });

  it('records through the library API of a TypeScript runtime', () => {
    const script = [
      `import { openWorkspaceHost } from ${JSON.stringify(pathToFileURL(path.join(CLI_ROOT, 'dist', 'index.js')).href)};`,
      'const host = await openWorkspaceHost();',
      "const rec = await host.recorders.start({ sessionId: 'lib-1', agent: 'library' });",
      "rec.record({ type: 'tool.call', name: 'glob', success: true, durationMs: 5 });",
      'const report = await rec.end();',
      'console.log(JSON.stringify({ id: report.sessionId, plugins: host.plugins.map((p) => p.plugin.id) }));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ id: 'lib-1', plugins: ['tools', 'git', 'timing', 'tokens', 'cache'] });
    const report = jsonOutput<Report>(radOk(['stats', 'session', '--session-id', 'lib-1', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report.sections.tools).toMatchObject({ calls: 1, succeeded: 1 });
  });
});

describe('rad stats history paging', () => {
  it('pages newest first with --limit and --offset and tells where the next page starts', () => {
    const cwd = path.join(tempDir(), 'ws');
    radOk(['init', cwd], { cwd: tempDir(), env });
    const dir = path.join(cwd, '.radium', '_internals', 'sessions');
    for (let i = 0; i < 5; i++) {
      const ts = `2026-01-0${i + 1}T10:00:00.000Z`;
      const lines = [
        { type: 'session.start', ts, sessionId: `day-${i + 1}`, workspace: cwd },
        { type: 'tool.call', ts, name: 'read_file', success: true, durationMs: 10 },
        { type: 'session.end', ts: `2026-01-0${i + 1}T11:00:00.000Z` },
      ];
      writeFileSync(path.join(dir, `day-${i + 1}.events.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    }
    const page = jsonOutput<{ total: number; sessions: { sessionId: string }[] }>(radOk(['stats', 'history', '--limit', '2', '--offset', '1', '--json'], { cwd, env }).stdout, 'history.schema.json');
    expect(page.total).toBe(5);
    expect(page.sessions.map((s) => s.sessionId)).toEqual(['day-4', 'day-3']);
    expect(radOk(['stats', 'history', '--limit', '2', '--offset', '1'], { cwd, env }).stdout).toMatch(/Sessions 2-3 of 5 \(next page: --offset 3\)\.\n$/);
    expect(radOk(['stats', 'history', '--offset', '9'], { cwd, env }).stdout).toBe('No sessions at offset 9: the workspace has 5.\n');
  });
});

describe('rad stats export', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = exampleWorkspace();
  });

  it('writes every session to a file atomically, and replaces it only with --force', () => {
    const dir = tempDir();
    const file = path.join(dir, 'data.json');
    const result = radOk(['stats', 'export', '--output', file], { cwd, env });
    expect(result.stdout).toBe(`Exported 2 sessions to ${file}\n`);
    const doc = jsonOutput<{ sessions: { sessionId: string }[] }>(readFileSync(file, 'utf8'), 'export.schema.json');
    expect(doc.sessions).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['data.json']);
    const forced = jsonOutput(radOk(['stats', 'export', '--output', file, '--force', '--json'], { cwd, env }).stdout, 'export-result.schema.json');
    expect(forced).toEqual({ output: file, sessions: 2 });
  });

  it('exports one session', () => {
    const doc = jsonOutput<{ sessions: { sessionId: string }[] }>(
      radOk(['stats', 'export', '--session-id', 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'], { cwd, env }).stdout,
      'export.schema.json',
    );
    expect(doc.sessions.map((s) => s.sessionId)).toEqual(['a1b2c3d4-e5f6-7890-abcd-ef1234567890']);
  });

  it('skips a corrupt session file with a warning naming it, and exports the rest', () => {
    const ws = exampleWorkspace();
    const bad = path.join(ws, '.radium', '_internals', 'sessions', 'broken.json');
    writeFileSync(bad, '{"schemaVersion":1,"sessionId":');
    const result = radOk(['stats', 'export'], { cwd: ws, env });
    expect(jsonOutput<{ sessions: unknown[] }>(result.stdout, 'export.schema.json').sessions).toHaveLength(2);
    expect(warningsOf(result)).toEqual([`Warning: ${bad} is corrupt (not valid JSON, possibly truncated); it was skipped.`]);
  });
});

describe('switching a first-party plugin off', () => {
  it('drops its rows and its section (config file or RADIUM_STATS_DISABLE)', () => {
    const cwd = exampleWorkspace();
    const withAll = radOk(['stats', 'session'], { cwd, env }).stdout;
    expect(withAll).toContain('Model Usage');
    const off = radOk(['stats', 'session'], { cwd, env: { ...env, RADIUM_STATS_DISABLE: 'tokens' } }).stdout;
    expect(off).not.toContain('Model Usage');
    expect(off).toContain('Tool Calls:');
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ collectors: { tools: { enabled: false } } }));
    const report = jsonOutput<Report>(radOk(['stats', 'session', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(report.sections.tools).toBeUndefined();
    expect(report.sections.tokens).toBeDefined();
    const model = rad(['stats', 'model'], { cwd, env: { ...env, RADIUM_STATS_DISABLE: 'tokens' } });
    expect(model.status).toBe(1);
    expect(model.stderr).toMatch(/^Error: No active plugin provides the "model" view: check that the tokens plugin is installed/m);
  });
});

describe('output for people', () => {
  it('has no color when piped, bold headings with FORCE_COLOR, and none with NO_COLOR', () => {
    const cwd = exampleWorkspace();
    const plain = radOk(['stats', 'history'], { cwd, env }).stdout;
    expect(plain).not.toContain('\u001b[');
    expect(radOk(['stats', 'history'], { cwd, env: { ...env, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[1mRecent Session Summaries\u001b[22m');
    expect(radOk(['stats', 'history'], { cwd, env: { ...env, FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).toBe(plain);
  });

  it('escapes control characters from session data', () => {
    const cwd = path.join(tempDir(), 'ws');
    radOk(['init', cwd], { cwd: tempDir(), env });
    const id = radOk(['session', 'start'], { cwd, env }).stdout.trim();
    radOk(['session', 'record', '--session-id', id, '{"type":"tool.call","name":"evil\\u001b[2Jtool","success":true}'], { cwd, env });
    const out = radOk(['session', 'end', '--session-id', id], { cwd, env }).stdout;
    expect(out).not.toContain('\u001b');
    expect(out).toContain('evil\\x1b[2Jtool');
  });
});
