import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { rad, radOk } from '../../../test/helpers/rad.js';
import { describeImport, parseSince } from './import.js';

const jsonl = (records: unknown[]): string => records.map((r) => `${JSON.stringify(r)}\n`).join('');

function workspace(): { cwd: string; home: string } {
  const cwd = tempDir('rad-import-ws-');
  radOk(['init', cwd], { cwd });
  return { cwd, home: tempDir('rad-import-home-') };
}

function claudeFixture(root: string, cwd: string): void {
  const dir = path.join(root, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const at = (ts: string) => ({ sessionId: 's1', cwd, timestamp: ts });
  const usage = { input_tokens: 3, output_tokens: 120, cache_read_input_tokens: 14723, cache_creation_input_tokens: 3117, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 3117 } };
  writeFileSync(
    path.join(dir, 's1.jsonl'),
    jsonl([
      { ...at('2025-10-20T10:00:00.000Z'), type: 'user', message: { role: 'user', content: 'hi' } },
      { ...at('2025-10-20T10:00:05.000Z'), type: 'assistant', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'a' }], usage } },
      { ...at('2025-10-20T10:00:05.100Z'), type: 'assistant', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5-20250929', content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: {} }], usage } },
      { ...at('2025-10-20T10:00:07.100Z'), type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'Exit code 1', is_error: true }] } },
    ]),
  );
}

describe('rad stats import', () => {
  it('imports Claude Code sessions into reports the other views read, with latency not available', () => {
    const { cwd, home } = workspace();
    claudeFixture(home, cwd);
    const env = { CLAUDE_CONFIG_DIR: home };
    const first = radOk(['stats', 'import', 'claude-code'], { cwd, env });
    expect(first.stdout).toContain('Imported 1 new session from Claude Code; 0 updated, 0 unchanged.\n  + claude-code-s1\n');
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', 'claude-code-s1', '--json'], { cwd }).stdout);
    expect(report.sections.tokens.models['claude-sonnet-4-5-20250929']).toMatchObject({ requests: 1, inputTokens: 3, outputTokens: 120, cacheReadTokens: 14723, cacheWrite1hTokens: 3117 });
    expect(report.sections.tools).toMatchObject({ calls: 1, failed: 1, totalDurationMs: 2000 });
    expect(report.sections.timing.apiTime).toMatchObject({ ms: null, reason: expect.any(String) });
    const again = JSON.parse(radOk(['stats', 'import', 'claude-code', '--json'], { cwd, env }).stdout);
    expect(again).toMatchObject({ files: { found: 1, read: 0, unchanged: 1 }, sessions: { imported: [], updated: [], unchanged: 1 }, bytesRead: 0 });
  });

  it('imports OpenCode sessions from its storage folder with exact tokens per model, and changes nothing on a repeat import', () => {
    const { cwd, home } = workspace();
    const storage = path.join(home, 'opencode', 'storage');
    const put = (key: string[], value: unknown) => {
      const file = `${path.join(storage, ...key)}.json`;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(value, null, 2));
    };
    const at = (s: number) => Date.parse('2026-02-10T09:00:00.000Z') + s * 1000;
    const step = (id: string, input: number, read: number, write: number) => ({ id, sessionID: 'ses_1', messageID: 'msg_2', type: 'step-finish', reason: 'stop', cost: 0.01, tokens: { input, output: 90, reasoning: 0, cache: { read, write } } });
    put(['project', 'p1'], { id: 'p1', worktree: cwd, vcs: 'git', time: { created: at(0) } });
    put(['session', 'p1', 'ses_1'], { id: 'ses_1', version: '1.1.10', projectID: 'p1', directory: cwd, title: 'hi', time: { created: at(0), updated: at(9) } });
    put(['message', 'ses_1', 'msg_1'], { id: 'msg_1', sessionID: 'ses_1', role: 'user', time: { created: at(0) } });
    put(['message', 'ses_1', 'msg_2'], { id: 'msg_2', sessionID: 'ses_1', role: 'assistant', modelID: 'claude-sonnet-4-5', providerID: 'anthropic', time: { created: at(1), completed: at(9) }, cost: 0.02, tokens: { input: 4, output: 90, reasoning: 0, cache: { read: 3000, write: 0 } } });
    put(['part', 'msg_2', 'prt_1'], { id: 'prt_1', sessionID: 'ses_1', messageID: 'msg_2', type: 'tool', callID: 'c1', tool: 'bash', state: { status: 'error', input: {}, error: 'exit 1', time: { start: at(2), end: at(4) } } });
    put(['part', 'msg_2', 'prt_2'], step('prt_2', 12, 0, 3000));
    put(['part', 'msg_2', 'prt_3'], step('prt_3', 4, 3000, 0));
    const env = { XDG_DATA_HOME: home };
    const first = radOk(['stats', 'import', 'opencode'], { cwd, env });
    expect(first.stdout).toContain('Imported 1 new session from OpenCode; 0 updated, 0 unchanged.\n  + opencode-ses_1\n');
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', 'opencode-ses_1', '--json'], { cwd }).stdout);
    expect(report.sections.tokens.models['claude-sonnet-4-5']).toMatchObject({ requests: 2, inputTokens: 16, outputTokens: 180, cacheReadTokens: 3000, cacheWriteTokens: 3000 });
    expect(report.sections.tools).toMatchObject({ calls: 1, failed: 1, totalDurationMs: 2000 });
    const again = JSON.parse(radOk(['stats', 'import', 'opencode', '--json'], { cwd, env }).stdout);
    expect(again).toMatchObject({ files: { found: 6, read: 0, unchanged: 6 }, sessions: { imported: [], updated: [], unchanged: 1 } });
  });

  it('says what it skipped and why', () => {
    const { cwd, home } = workspace();
    claudeFixture(home, '/somewhere/else');
    const result = radOk(['stats', 'import', 'claude-code', '--source', home], { cwd });
    expect(result.stdout).toContain('Skipped 1 file:\n  1 outside this workspace (use --all-projects)\n');
    expect(radOk(['stats', 'import', 'claude-code', '--source', home, '--all-projects', '--json'], { cwd }).stdout).toContain('"claude-code-s1"');
  });

  it('picks sessions for --since by their records, not by when their files were written', () => {
    const { cwd, home } = workspace();
    const dir = path.join(home, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(dir, { recursive: true });
    const prompt = (sessionId: string, ts: string) => ({ sessionId, cwd, timestamp: ts, type: 'user', message: { role: 'user', content: 'hi' } });
    const restored = path.join(dir, 'restored.jsonl');
    writeFileSync(restored, jsonl([prompt('restored', '2025-09-30T23:00:00.000Z'), prompt('restored', '2025-10-02T09:00:00.000Z')]));
    utimesSync(restored, new Date('2025-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'));
    writeFileSync(path.join(dir, 'touched.jsonl'), jsonl([prompt('touched', '2025-03-01T09:00:00.000Z')]));
    const result = JSON.parse(radOk(['stats', 'import', 'claude-code', '--since', '2025-10-01', '--json'], { cwd, env: { CLAUDE_CONFIG_DIR: home } }).stdout);
    expect(result.sessions.imported).toEqual(['claude-code-restored']);
    expect(result.skipped).toEqual([{ reason: 'no records since 2025-10-01', files: 1 }]);
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', 'claude-code-restored', '--json'], { cwd }).stdout);
    expect(report.startTime).toBe('2025-09-30T23:00:00.000Z');
  });

  it('gives a resumed Claude Code session the wall time of its own records, not its parent\'s span', () => {
    const { cwd, home } = workspace();
    const dir = path.join(home, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(dir, { recursive: true });
    const usage = { input_tokens: 3, output_tokens: 100 };
    const line = (sessionId: string, ts: string, type: string, extra: Record<string, unknown>) => ({ sessionId, cwd, timestamp: ts, type, ...extra });
    const parent = [
      line('parent', '2025-10-20T08:00:00.000Z', 'user', { uuid: 'u1', message: { role: 'user', content: 'hi' } }),
      line('parent', '2025-10-20T08:00:05.000Z', 'assistant', { uuid: 'a1', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5-20250929', content: [], usage } }),
    ];
    writeFileSync(path.join(dir, 'parent.jsonl'), jsonl(parent));
    writeFileSync(
      path.join(dir, 'resumed.jsonl'),
      jsonl([
        ...parent,
        line('resumed', '2025-10-20T10:00:00.000Z', 'user', { uuid: 'u2', message: { role: 'user', content: 'and the docs' } }),
        line('resumed', '2025-10-20T10:00:30.000Z', 'assistant', { uuid: 'a2', requestId: 'r2', message: { id: 'm2', model: 'claude-sonnet-4-5-20250929', content: [], usage } }),
      ]),
    );
    radOk(['stats', 'import', 'claude-code'], { cwd, env: { CLAUDE_CONFIG_DIR: home } });
    const resumed = JSON.parse(radOk(['stats', 'session', '--session-id', 'claude-code-resumed', '--json'], { cwd }).stdout);
    expect(resumed.startTime).toBe('2025-10-20T10:00:00.000Z');
    expect(resumed.sections.timing.wallTime.ms).toBe(30_000);
    expect(resumed.sections.tokens.models['claude-sonnet-4-5-20250929']).toMatchObject({ requests: 1, outputTokens: 100 });
    const all = JSON.parse(radOk(['stats', 'model', '--json'], { cwd }).stdout);
    expect(JSON.stringify(all)).toContain('"requests":2');
  });

  it('imports Amp threads from its data folder with exact tokens per model, and changes nothing on a repeat import', () => {
    const { cwd, home } = workspace();
    const threads = path.join(home, 'amp', 'threads');
    mkdirSync(threads, { recursive: true });
    const usage = (timestamp: string, input: number) => ({ model: 'claude-opus-4-5-20251101', inputTokens: input, outputTokens: 80, cacheReadInputTokens: 3400, cacheCreationInputTokens: 900, timestamp });
    const thread = {
      v: 7,
      id: 'T-0199aaaa-bbbb-7ccc-8ddd-eeeeffff0001',
      created: Date.parse('2026-01-19T11:00:00.000Z'),
      env: { initial: { trees: [{ displayName: 'ws', uri: `file://${cwd}` }] } },
      messages: [
        { role: 'user', messageId: 0, meta: { sentAt: Date.parse('2026-01-19T11:00:00.000Z') }, content: [{ type: 'text', text: 'hi' }] },
        { role: 'assistant', messageId: 1, content: [{ type: 'tool_use', id: 'toolu_01', name: 'Bash', input: { cmd: 'ls' } }], state: { type: 'complete', stopReason: 'tool_use' }, usage: usage('2026-01-19T11:00:05.000Z', 12) },
        { role: 'user', messageId: 2, content: [{ type: 'tool_result', toolUseID: 'toolu_01', run: { status: 'done', result: { output: '', exitCode: 0 } } }] },
        { role: 'assistant', messageId: 3, content: [{ type: 'text', text: 'done' }], state: { type: 'complete', stopReason: 'end_turn' }, usage: usage('2026-01-19T11:00:09.000Z', 5) },
      ],
    };
    writeFileSync(path.join(threads, `${thread.id}.json`), JSON.stringify(thread, null, 2));
    const env = { XDG_DATA_HOME: home };
    const first = radOk(['stats', 'import', 'amp'], { cwd, env });
    expect(first.stdout).toContain(`Imported 1 new session from Amp; 0 updated, 0 unchanged.\n  + amp-${thread.id}\n`);
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', `amp-${thread.id}`, '--json'], { cwd }).stdout);
    expect(report.sections.tokens.models['claude-opus-4-5-20251101']).toMatchObject({ requests: 2, inputTokens: 17, outputTokens: 160, cacheReadTokens: 6800, cacheWriteTokens: 1800 });
    expect(report.sections.tools).toMatchObject({ calls: 1, failed: 0 });
    const again = JSON.parse(radOk(['stats', 'import', 'amp', '--json'], { cwd, env }).stdout);
    expect(again).toMatchObject({ files: { found: 1, read: 0, unchanged: 1 }, sessions: { imported: [], updated: [], unchanged: 1 } });
  });

  it('refuses a bad date or an unknown agent with one line and exit code 2', () => {
    const { cwd } = workspace();
    const badDate = rad(['stats', 'import', 'codex', '--since', 'last week'], { cwd });
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toBe('Error: --since: "last week" is not a date; use YYYY-MM-DD (for example 2025-10-01).\n');
    const unknown = rad(['stats', 'import', 'cursor'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('Error: Unknown agent "cursor": choose one of claude-code, codex, gemini, amp, opencode.\n');
  });
});

describe('parseSince', () => {
  it('reads a date as the start of that day, and an ISO time as is', () => {
    expect(parseSince('2025-10-01').getTime()).toBe(new Date(2025, 9, 1).getTime());
    expect(parseSince('2025-10-01T12:00:00Z').toISOString()).toBe('2025-10-01T12:00:00.000Z');
    expect(() => parseSince('2025-02-30')).toThrow(/not a date/);
  });
});

describe('describeImport', () => {
  it('lists counts, skip reasons and bad lines, and where it looked when it found nothing', () => {
    const base = {
      importer: 'codex',
      title: 'Codex CLI',
      workspace: '/w',
      since: null,
      sources: [{ path: '/h/.codex', exists: false }],
      files: { found: 0, read: 0, unchanged: 0, skipped: 0 },
      sessions: { imported: [], updated: [], unchanged: 0 },
      skipped: [],
      lines: { invalid: 0, overlong: 0, torn: 0, invalidEvents: 0 },
      bytesRead: 0,
      durationMs: 3,
    };
    expect(describeImport(base)).toBe('Imported 0 new sessions from Codex CLI; 0 updated, 0 unchanged.\nNo Codex CLI logs found in /h/.codex (missing); use --source DIR.');
    const busy = describeImport({
      ...base,
      files: { found: 40, read: 3, unchanged: 30, skipped: 7 },
      sessions: { imported: ['codex-a'], updated: ['codex-b'], unchanged: 30 },
      skipped: [{ reason: 'outside this workspace (use --all-projects)', files: 7 }],
      lines: { invalid: 2, overlong: 0, torn: 1, invalidEvents: 0 },
      bytesRead: 3 * 1024 * 1024,
      durationMs: 1500,
    });
    expect(busy).toBe(
      [
        'Imported 1 new session from Codex CLI; 1 updated, 30 unchanged.',
        '  + codex-a',
        '  ~ codex-b',
        'Read 3 of 40 files (3.0 MB) in 1.5s.',
        'Skipped 7 files:',
        '  7 outside this workspace (use --all-projects)',
        'Skipped lines: 2 not valid JSON, 1 unfinished at the end of a file (read once complete).',
      ].join('\n'),
    );
  });
});
