import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runImport, type Host } from '@radium-stats/core';
import { tallyPlugin, tempDir, testHost, type TallySection } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { iso, Storage } from '../test/fixtures.js';
import { SKIP_NO_DIRECTORY } from './discover.js';
import { openCodeImporter } from './importer.js';

const S = 'ses_main';
const SUB = 'ses_sub';
const SESSION = `opencode-${S}`;
const SONNET = 'claude-sonnet-4-5';
const GPT = 'gpt-5';
const GEMINI = 'gemini-2.5-pro';
const HAIKU = 'claude-haiku-4-5';

/** The first turn, in progress: its first step finished (step-finish written, the message not yet updated). */
function firstStep(st: Storage, root: string): void {
  st.session('proj1', S, root, 0);
  st.user(S, 'msg_0001', 0);
  st.assistant(S, 'msg_0002', 'anthropic', SONNET, 1);
  st.stepStart(S, 'msg_0002', 'prt_0001');
  st.text(S, 'msg_0002', 'prt_0002', 2, 5);
  st.tool(S, 'msg_0002', 'prt_0003', 'bash', 'completed', 6, 9);
  st.stepFinish(S, 'msg_0002', 'prt_0004', { input: 12, output: 300, read: 0, write: 15000, total: 15312 });
}

/** Two more steps of the same message: new part files only. */
function moreSteps(st: Storage): void {
  st.stepStart(S, 'msg_0002', 'prt_0005');
  st.tool(S, 'msg_0002', 'prt_0006', 'edit', 'completed', 12, 13, { metadata: { filediff: { file: '/work/a.ts', before: '', after: '', additions: 5, deletions: 2 } } });
  st.tool(S, 'msg_0002', 'prt_0007', 'read', 'error', 14, 15, { error: 'File not found: x.ts\nat read' });
  st.stepFinish(S, 'msg_0002', 'prt_0008', { input: 3, output: 120, read: 15000, write: 400 });
  st.stepStart(S, 'msg_0002', 'prt_0009');
  st.text(S, 'msg_0002', 'prt_0010', 20, 29);
  st.stepFinish(S, 'msg_0002', 'prt_0011', { input: 5, output: 80, read: 15400 });
}

/** The rest: the first message completes, more turns on three providers, a subagent session, an aborted and a failed message. */
function rest(st: Storage, root: string): void {
  st.assistant(S, 'msg_0002', 'anthropic', SONNET, 1, { completed: 30, tokens: { input: 5, output: 80, read: 15400 }, cost: 0.2 });
  st.user(S, 'msg_0003', 60);
  st.assistant(S, 'msg_0004', 'openai', GPT, 61, { completed: 90 });
  st.stepStart(S, 'msg_0004', 'prt_0041');
  st.text(S, 'msg_0004', 'prt_0042', 62, 70, 'reasoning');
  st.text(S, 'msg_0004', 'prt_0043', 70, 80);
  // OpenAI-style counts: the total shows reasoning already inside output.
  st.stepFinish(S, 'msg_0004', 'prt_0044', { input: 1000, output: 500, reasoning: 200, read: 4000, total: 5500 });
  st.assistant(S, 'msg_0005', 'google', GEMINI, 100, { completed: 120 });
  st.stepFinish(S, 'msg_0005', 'prt_0051', { input: 800, output: 100, reasoning: 50 });
  st.assistant(S, 'msg_0006', 'openai', GPT, 121, { completed: 125 });
  // Later counts: the total shows reasoning beside output.
  st.stepFinish(S, 'msg_0006', 'prt_0061', { input: 10, output: 40, reasoning: 30, read: 100, total: 180 });
  st.assistant(S, 'msg_0007', 'anthropic', SONNET, 126, { completed: 127, error: { name: 'MessageAbortedError', data: { message: 'aborted' } } });
  st.stepStart(S, 'msg_0007', 'prt_0071');
  st.tool(S, 'msg_0007', 'prt_0072', 'write', 'pending', 126);
  st.assistant(S, 'msg_0008', 'anthropic', SONNET, 130, { completed: 131, error: { name: 'APIError', data: { message: 'Overloaded\nretry later', isRetryable: true } } });
  st.session('proj1', SUB, root, 40, { parentID: S, title: 'Explore the tests' });
  st.user(SUB, 'msg_1001', 40);
  st.assistant(SUB, 'msg_1002', 'anthropic', HAIKU, 41, { completed: 50 });
  st.stepStart(SUB, 'msg_1002', 'prt_1001');
  st.stepFinish(SUB, 'msg_1002', 'prt_1002', { input: 50, output: 20, read: 1000, write: 200 });
}

async function setup() {
  const host = await testHost([tallyPlugin()]);
  const home = tempDir();
  const st = new Storage(path.join(home, '.local', 'share', 'opencode', 'storage'));
  st.project('proj1', host.paths.root);
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: openCodeImporter, env: {}, home, ...extra });
  return { host, home, st, run };
}

async function whole() {
  const one = await setup();
  firstStep(one.st, one.host.paths.root);
  moreSteps(one.st);
  rest(one.st, one.host.paths.root);
  return one;
}

const tally = async (host: Host, id = SESSION) => (await host.store.load(id)).report.sections.tally as TallySection;
const journal = (host: Host, id = SESSION) =>
  readFileSync(host.paths.journalFile(id), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('OpenCode import', () => {
  it('imports exact tokens per session and model: one response per finished step, reasoning and cache reads and writes, subagent sessions in their parent', async () => {
    const { host, st, run } = await whole();
    st.session('proj1', 'ses_side', path.join(host.paths.root, 'sub'), 200);
    st.assistant('ses_side', 'msg_2001', 'openai', 'gpt-4.1', 201, { completed: 205, tokens: { input: 7, output: 3 } });
    const summary = await run();
    expect(summary.sessions.imported.sort()).toEqual([SESSION, 'opencode-ses_side']);
    expect(summary.lines).toMatchObject({ invalid: 0, torn: 0, invalidEvents: 0 });
    const s = await tally(host);
    expect(s.models).toEqual({
      [SONNET]: { requests: 3, input: 12 + 3 + 5, output: 300 + 120 + 80, cacheRead: 15000 + 15400, cacheWrite: 15000 + 400, cacheWrite1h: 0, reasoning: 0, timed: 0 },
      [GPT]: { requests: 2, input: 1010, output: 500 + (40 + 30), cacheRead: 4100, cacheWrite: 0, cacheWrite1h: 0, reasoning: 230, timed: 0 },
      [GEMINI]: { requests: 1, input: 800, output: 150, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 50, timed: 0 },
      [HAIKU]: { requests: 1, input: 50, output: 20, cacheRead: 1000, cacheWrite: 200, cacheWrite1h: 0, reasoning: 0, timed: 0 },
    });
    expect(s.agents).toEqual({ main: 6, [SUB]: 1 });
    expect(s.tools).toEqual({ calls: 3, failed: 1, timed: 3, durationMs: 5000, byName: { bash: 1, edit: 1, read: 1 } });
    expect(s.lines).toEqual({ added: 5, removed: 2, edits: 1 });
    // A message without part files (older OpenCode) counts its own tokens.
    expect((await tally(host, 'opencode-ses_side')).models).toEqual({
      'gpt-4.1': { requests: 1, input: 7, output: 3, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, timed: 0 },
    });
    const { report } = await host.store.load(SESSION);
    expect(report).toMatchObject({ agent: 'opencode', workspace: host.paths.root, startTime: iso(0), endTime: iso(131) });
    const events = journal(host);
    expect(events.filter((e) => e.type === 'api.error')).toEqual([{ type: 'api.error', ts: iso(131), model: SONNET, engine: 'anthropic', error: 'Overloaded' }]);
    expect(events.filter((e) => e.type === 'api.response').map((e) => [e.engine, e.ts])).toEqual([
      ['anthropic', iso(9)],
      ['anthropic', iso(15)],
      ['anthropic', iso(29)],
      ['openai', iso(80)],
      ['google', iso(100)],
      ['openai', iso(121)],
      ['anthropic', iso(41)],
    ]);
    expect(events.find((e) => e.type === 'tool.call' && e.name === 'read')).toMatchObject({ success: false, error: 'File not found: x.ts', durationMs: 1000, ts: iso(15) });
  });

  it('a repeated import reads nothing and changes nothing', async () => {
    const { host, run } = await whole();
    await run();
    const before = await tally(host);
    const again = await run();
    expect(again.sessions).toEqual({ imported: [], updated: [], unchanged: 1 });
    expect(again.files.read).toBe(0);
    expect(again.files.unchanged).toBe(again.files.found);
    expect(await tally(host)).toEqual(before);
    expect(journal(host).filter((e) => e.type === 'session.end')).toHaveLength(1);
  });

  it('updates a session in progress as it grows (new parts of a message imported before, then the rest) and ends with the one-shot numbers', async () => {
    const one = await setup();
    firstStep(one.st, one.host.paths.root);
    expect((await one.run()).sessions.imported).toEqual([SESSION]);
    expect((await tally(one.host)).models[SONNET]).toMatchObject({ requests: 1, input: 12, cacheWrite: 15000 });
    moreSteps(one.st);
    const second = await one.run();
    expect(second.sessions.updated).toEqual([SESSION]);
    expect((await tally(one.host)).models[SONNET]).toMatchObject({ requests: 3, input: 20 });
    rest(one.st, one.host.paths.root);
    const third = await one.run();
    expect(third.sessions).toEqual({ imported: [], updated: [SESSION], unchanged: 0 });
    const all = await whole();
    await all.run();
    expect(await tally(one.host)).toEqual(await tally(all.host));
    expect((await one.host.store.load(SESSION)).report.endTime).toBe(iso(131));
    expect(journal(one.host).filter((e) => e.type === 'session.end')).toHaveLength(1);
  });

  it('skips a half-written file with a warning naming it, counts the rest, and reads it once it is whole', async () => {
    const { host, st, run } = await whole();
    const torn = st.write(['part', 'msg_0004', 'prt_0045'], '{\n  "id": "prt_0045",\n  "type": "step-fin');
    const summary = await run();
    expect(summary.sessions.imported).toEqual([SESSION]);
    expect(summary.lines.invalid).toBe(1);
    expect(host.warnings.messages.filter((m) => m.includes(torn))).toHaveLength(1);
    expect((await tally(host)).models[GPT]!.requests).toBe(2);
    st.stepFinish(S, 'msg_0004', 'prt_0045', { input: 1, output: 2, read: 3, total: 6 });
    const again = await run();
    expect(again.sessions.updated).toEqual([SESSION]);
    expect(again.lines.invalid).toBe(0);
    expect((await tally(host)).models[GPT]).toMatchObject({ requests: 3, input: 1011, output: 572, cacheRead: 4103 });
  });

  it('names a session whose own file is half-written from its project and first message, with a warning naming the file', async () => {
    const { host, st, run } = await setup();
    const file = st.session('proj1', 'ses_torn', host.paths.root, 0);
    st.write(['session', 'proj1', 'ses_torn'], '{"id":"ses_torn","directo');
    st.user('ses_torn', 'msg_0001', 5);
    st.assistant('ses_torn', 'msg_0002', 'anthropic', SONNET, 6, { completed: 9 });
    st.stepFinish('ses_torn', 'msg_0002', 'prt_0001', { input: 1, output: 2 });
    const summary = await run();
    expect(summary.sessions.imported).toEqual(['opencode-ses_torn']);
    expect(host.warnings.messages.some((m) => m.includes(file))).toBe(true);
    expect((await host.store.load('opencode-ses_torn')).report).toMatchObject({ workspace: host.paths.root, startTime: iso(5) });
  });

  it('leaves out sessions outside the workspace unless asked, and sessions with no known directory', async () => {
    const { host, home, st, run } = await setup();
    st.session('proj1', 'ses_in', path.join(host.paths.root, 'app'), 0);
    st.assistant('ses_in', 'msg_0001', 'anthropic', SONNET, 1, { completed: 2, tokens: { input: 1, output: 1 } });
    st.project('proj2', '/elsewhere');
    st.session('proj2', 'ses_out', '/elsewhere', 0);
    st.assistant('ses_out', 'msg_0001', 'anthropic', SONNET, 1, { completed: 2, tokens: { input: 1, output: 1 } });
    st.project('global', '/');
    st.session('global', 'ses_nodir', undefined, 0);
    const scoped = await run();
    expect(scoped.sessions.imported).toEqual(['opencode-ses_in']);
    expect(scoped.skipped.sort((a, b) => a.reason.localeCompare(b.reason))).toEqual([
      { reason: 'outside this workspace (use --all-projects)', files: 1 },
      { reason: SKIP_NO_DIRECTORY, files: 1 },
    ]);
    expect((await host.store.load('opencode-ses_in')).report.workspace).toBe(path.join(host.paths.root, 'app'));
    const all = await run({ allProjects: true });
    expect(all.sessions.imported).toEqual(['opencode-ses_out']);
    expect((await host.store.load('opencode-ses_out')).report.workspace).toBe('/elsewhere');
    // XDG_DATA_HOME moves OpenCode's data folder; --source takes that folder or its storage folder.
    const moved = await setup();
    moved.st.session('proj1', 'ses_x', moved.host.paths.root, 0);
    const xdg = path.join(moved.home, '.local', 'share');
    expect((await moved.run({ env: { XDG_DATA_HOME: '/nowhere' } })).sources).toEqual([{ path: '/nowhere/opencode/storage', exists: false }]);
    expect((await moved.run({ env: { XDG_DATA_HOME: xdg } })).sessions.imported).toEqual(['opencode-ses_x']);
    expect((await moved.run({ sources: [path.join(xdg, 'opencode')] })).sessions.unchanged).toBe(1);
    expect(home).not.toBe(moved.home);
  });
});
