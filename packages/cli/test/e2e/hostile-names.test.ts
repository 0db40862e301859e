import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad, radOk, warningsOf, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();
const MB = 1 << 20;
/** Bytes a `rad stats session` of this two-call session may print with its names shortened (it prints ~3 KB). */
const SMALL = 16_384;

/** Characters a terminal acts on or hides: DEL, C1 (CSI), bidi overrides/isolates/marks, separators, zero-width ones, BOM. */
const HOSTILE_CHARS = ['\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029', '\u200b', '\u200d', '\ufeff'];
const HOSTILE = `evil${HOSTILE_CHARS.join('')}[2Jname`;
const RAW = new RegExp(`[${HOSTILE_CHARS.join('')}]`, 'u');

/** Writes an ended session's journal by hand, as a runtime in any language would. */
function writeJournal(workspace: string, id: string, lines: Record<string, unknown>[]): void {
  const events = [{ type: 'session.start', ts: '2026-01-01T10:00:00Z', sessionId: id, workspace }, ...lines, { type: 'session.end', ts: '2026-01-01T11:00:00Z' }];
  writeFileSync(path.join(workspace, '.radium', '_internals', 'sessions', `${id}.events.jsonl`), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

const response = (model: string) => ({ type: 'api.response', ts: '2026-01-01T10:10:00Z', model, engine: 'gemini', durationMs: 10, tokens: { input: 5, output: 3 } });
const toolCall = (name: string) => ({ type: 'tool.call', ts: '2026-01-01T10:20:00Z', name, durationMs: 5, success: true });

/** The warnings about shortened names. */
const shortening = (result: RadResult) => warningsOf(result).filter((line) => line.includes('shortened'));

describe('over-long names', () => {
  it('rad stats session shows a 1 MB tool and model name shortened with their full length, in small output and one warning', async () => {
    const cwd = await tempWorkspace();
    writeJournal(cwd, 's1', [response('m'.repeat(MB)), toolCall('t'.repeat(MB))]);
    // The first read folds the journal; the second reads the stored report.
    for (let read = 0; read < 2; read += 1) {
      const result = radOk(['stats', 'session'], { cwd, env });
      expect(Buffer.byteLength(result.stdout)).toBeLessThan(SMALL);
      expect(Buffer.byteLength(result.stderr)).toBeLessThan(SMALL);
      expect(result.stdout).toMatch(/^m{40,}…\(1048576 chars\) +1 /m);
      expect(result.stdout).toMatch(/^t{40,}…\(1048576 chars\) +1 /m);
      for (const line of result.stdout.split('\n')) expect(line.length, line.slice(0, 200)).toBeLessThan(400);
      const warnings = shortening(result);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/the Model Usage column.*the Tool column.*--json shows them as stored/);
    }
  });

  it('rad stats model shortens the name too, and --json shows it as stored: cut to 1,000 characters with its full length', async () => {
    const cwd = await tempWorkspace();
    writeJournal(cwd, 's1', [response('m'.repeat(MB))]);
    const human = radOk(['stats', 'model'], { cwd, env });
    expect(Buffer.byteLength(human.stdout)).toBeLessThan(SMALL);
    expect(human.stdout).toMatch(/^m{40,}…\(1048576 chars\) /m);
    expect(shortening(human)).toHaveLength(1);
    const json = radOk(['stats', 'session', '--json'], { cwd, env });
    const report = jsonOutput<{ sections: { tokens: { models: Record<string, unknown> } } }>(json.stdout, 'session.schema.json');
    const [model] = Object.keys(report.sections.tokens.models);
    expect(model).toHaveLength(1_000);
    expect(model).toMatch(/^m+…\(1048576 chars\)$/);
  });

  it('rad session record stores a 1 MB tool name cut to 1,000 characters, warning once, instead of losing the call', async () => {
    const cwd = await tempWorkspace();
    const id = radOk(['session', 'start'], { cwd, env }).stdout.trim();
    const lines = [toolCall('t'.repeat(MB)), toolCall('u'.repeat(MB))].map((e) => JSON.stringify(e)).join('\n');
    const recorded = radOk(['session', 'record', '--session-id', id], { cwd, env, input: lines });
    expect(warningsOf(recorded)).toEqual([expect.stringMatching(/^Warning: A tool\.call name is longer than events may store: it was stored cut/)]);
    const journal = readFileSync(path.join(cwd, '.radium', '_internals', 'sessions', `${id}.events.jsonl`), 'utf8');
    expect(journal.length).toBeLessThan(4_000);
    const ended = radOk(['session', 'end', '--session-id', id], { cwd, env });
    expect(ended.stdout).toMatch(/Tool Calls: +2 /);
  });
});

describe('hostile characters in names', () => {
  it('--json writes DEL, C1 controls and bidi characters as \\u escapes that parse back to the same name', async () => {
    const cwd = await tempWorkspace();
    writeJournal(cwd, 's1', [response(HOSTILE), toolCall(HOSTILE)]);
    const session = radOk(['stats', 'session', '--json'], { cwd, env }).stdout;
    expect(session).not.toMatch(RAW);
    expect(session).toContain('evil\\u007f\\u0085\\u009b\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029\\u200b\\u200d\\ufeff[2Jname');
    const report = jsonOutput<{ sections: { tokens: { models: Record<string, unknown> }; tools: { tools: { name: string }[] } } }>(session, 'session.schema.json');
    expect(Object.keys(report.sections.tokens.models)).toEqual([HOSTILE]);
    expect(report.sections.tools.tools.map((t) => t.name)).toEqual([HOSTILE]);
    for (const args of [['stats', 'model', '--json'], ['stats', 'history', '--json'], ['stats', 'export']]) {
      const out = radOk(args, { cwd, env }).stdout;
      expect(out, args.join(' ')).not.toMatch(RAW);
      expect(out, args.join(' ')).toContain('\\u009b');
      JSON.parse(out);
    }
  });

  it('--json errors escape them too', async () => {
    const cwd = await tempWorkspace();
    const result = rad(['stats', 'session', '--json', '--session-id', `x${HOSTILE}`], { cwd, env });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toMatch(RAW);
    expect(jsonOutput<{ error: { message: string } }>(result.stdout, 'error.schema.json').error.message).toContain(HOSTILE);
  });

  it('human output shows separators, bidi marks and invisible characters as visible escapes', async () => {
    const cwd = await tempWorkspace();
    writeJournal(cwd, 's1', [response(HOSTILE), toolCall(HOSTILE)]);
    const out = radOk(['stats', 'session'], { cwd, env }).stdout;
    expect(out).not.toMatch(RAW);
    expect(out).toContain('evil\\x7f\\x85\\x9b\\u{202a}\\u{202e}\\u{2066}\\u{2069}\\u{200e}\\u{200f}\\u{61c}\\u{2028}\\u{2029}\\u{200b}\\u{200d}\\u{feff}[2Jname');
  });
});

describe('long names on an 80-column terminal', () => {
  it('never print a line wider than COLUMNS in any view: names are cut with … and notes wrap', async () => {
    const cwd = await tempWorkspace();
    const model = `us.anthropic.claude-sonnet-4-5-20250929-v1:0-with-a-very-long-deployment-suffix-${'x'.repeat(40)}`;
    writeJournal(cwd, 's1', [response(model), response('gemini-2.5-pro'), toolCall('mcp__github__create_pull_request_review_comment_thread'), toolCall(HOSTILE)]);
    writeJournal(cwd, 's2', [response('unpriced-model-of-a-long-name-that-no-price-table-knows-about'), toolCall('Bash')]);
    for (const args of [['session'], ['session', '--session-id', 's1'], ['model'], ['engine'], ['history'], ['daily', '--timezone', 'UTC', '--breakdown'], ['compare', 's1', 's2']]) {
      const result = rad(['stats', ...args], { cwd, env: { ...env, COLUMNS: '80' } });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).not.toMatch(RAW);
      for (const line of result.stdout.split('\n')) expect([...line].length, `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(80);
    }
  });
});
