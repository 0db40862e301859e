import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runImport, type Host } from '@radium-stats/core';
import { countPlugin, tallyPlugin, tempDir, testHost, type TallySection } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { OPUS, SONNET, appendTranscript, assistant, snapshot, systemLine, t, text, toolResult, toolUse, userPrompt, writeTranscript, type Base } from '../test/fixtures.js';
import { claudeCodeImporter } from './importer.js';

const A = '6170607e-0000-4000-8000-00000000000a';
const B = '6170607e-0000-4000-8000-00000000000b';

const partialUsage = { input_tokens: 3, output_tokens: 5, cache_read_input_tokens: 14723, cache_creation_input_tokens: 3117, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 3117 } };
const fullUsage = { ...partialUsage, output_tokens: 120 };

/** Session A: a response written as three lines (the first with a partial usage), a model switch, tool calls that pass and fail, an edit, a snapshot, a synthetic message, a bad line and a torn last line. */
function sessionA(cwd: string): { main: string[]; torn: string; subagent: string[] } {
  const b = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s) });
  const main = [
    JSON.stringify({ type: 'summary', summary: 'Fix the parser', leafUuid: 'x' }),
    userPrompt(b(0), 'fix the parser'),
    assistant(b(2), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: partialUsage, block: text('Looking') }),
    assistant(b(2.5), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: fullUsage, block: toolUse('toolu_1', 'Edit', { file_path: `${cwd}/a.ts` }) }),
    assistant(b(2.6), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: fullUsage, block: toolUse('toolu_2', 'Bash', { command: 'npm test' }) }),
    toolResult(b(3.7), {
      id: 'toolu_1',
      result: { filePath: `${cwd}/a.ts`, structuredPatch: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 2, lines: ['-a', '+b', '+c', ' d'] }] },
    }),
    toolResult(b(5.6), { id: 'toolu_2', isError: true, content: 'Exit code 1\nFAIL parser.test.ts' }),
    snapshot(200_000),
    assistant(b(10), {
      id: 'msg_2',
      requestId: 'req_2',
      model: OPUS,
      usage: { input_tokens: 10, output_tokens: 50, cache_read_input_tokens: 1000, cache_creation_input_tokens: 500 },
      block: text('Done'),
    }),
    assistant(b(11), { id: 'msg_3', requestId: 'req_3', model: '<synthetic>', usage: { input_tokens: 0, output_tokens: 0 }, block: text('API Error') }),
    '{"type":"assistant", not json',
    systemLine(b(60)),
  ];
  const torn = assistant(b(70), { id: 'msg_9', requestId: 'req_9', model: OPUS, usage: { input_tokens: 1, output_tokens: 1 }, block: text('late') }).slice(0, 90);
  const sb = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s), isSidechain: true, agentId: 'x1' });
  const subagent = [
    userPrompt(sb(4), 'find the tests'),
    assistant(sb(5), {
      id: 'msg_s1',
      requestId: 'req_s1',
      model: SONNET,
      usage: { input_tokens: 7, output_tokens: 70, cache_read_input_tokens: 700, cache_creation_input_tokens: 100, cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 0 } },
      block: toolUse('toolu_s1', 'Read', { file_path: `${cwd}/a.test.ts` }),
    }),
    toolResult(sb(5.5), { id: 'toolu_s1' }),
  ];
  return { main, torn, subagent };
}

/** Session B: resumed from A, so its transcript starts with a copy of A's first response, then one of its own. */
function sessionB(cwd: string): string[] {
  const b = (s: number): Base => ({ sessionId: B, cwd, timestamp: t(s) });
  return [
    assistant(b(2.5), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: fullUsage, block: text('Looking') }),
    userPrompt(b(100), 'and the docs'),
    assistant(b(105), { id: 'msg_4', requestId: 'req_4', model: SONNET, usage: { input_tokens: 4, output_tokens: 40, cache_read_input_tokens: 400 }, block: text('ok') }),
  ];
}

/**
 * Session A and the transcript `claude --resume` wrote for it an hour later: copies of every line
 * of A (A's times, ids and uuids; `copiedAs` as their `sessionId`), then B's own prompt, response and tool call.
 */
function resumedPair(cwd: string, copiedAs: string): { parent: string[]; resumed: string[] } {
  const a = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s) });
  const parent = [
    userPrompt(a(0), 'fix the parser'),
    assistant(a(2), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: fullUsage, block: toolUse('toolu_1', 'Bash', { command: 'npm test' }) }),
    toolResult(a(4), { id: 'toolu_1' }),
    assistant(a(10), { id: 'msg_2', requestId: 'req_2', model: SONNET, usage: { input_tokens: 10, output_tokens: 50 }, block: text('Done') }),
  ];
  const copies = parent.map((l) => JSON.stringify({ ...JSON.parse(l), sessionId: copiedAs }));
  const b = (s: number): Base => ({ sessionId: B, cwd, timestamp: t(s) });
  const resumed = [
    ...copies,
    userPrompt(b(3600), 'and the docs'),
    assistant(b(3605), { id: 'msg_4', requestId: 'req_4', model: SONNET, usage: { input_tokens: 4, output_tokens: 40 }, block: toolUse('toolu_4', 'Read') }),
    toolResult(b(3606), { id: 'toolu_4' }),
  ];
  return { parent, resumed };
}

async function setup() {
  const host = await testHost([tallyPlugin()]);
  const root = tempDir();
  const cwd = host.paths.root;
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: claudeCodeImporter, env: { CLAUDE_CONFIG_DIR: root }, ...extra });
  return { host, root, cwd, run };
}

async function tally(host: Host, id: string): Promise<TallySection> {
  return (await host.store.load(id)).report.sections.tally as TallySection;
}

describe('Claude Code import', () => {
  it('imports exact tokens per session and model: each response once, partial usage replaced, sidechains in the parent, both cache TTLs', async () => {
    const { host, root, cwd, run } = await setup();
    const a = sessionA(cwd);
    writeTranscript(root, cwd, `${A}.jsonl`, a.main, { tornTail: a.torn });
    writeTranscript(root, cwd, `${A}/subagents/agent-x1.jsonl`, a.subagent);
    writeTranscript(root, cwd, `${B}.jsonl`, sessionB(cwd));
    const summary = await run();
    expect(summary.sessions.imported.sort()).toEqual([`claude-code-${A}`, `claude-code-${B}`]);
    expect(summary.lines).toEqual({ invalid: 1, overlong: 0, torn: 1, invalidEvents: 0 });

    const sa = await tally(host, `claude-code-${A}`);
    expect(sa.models).toEqual({
      [SONNET]: { requests: 2, input: 10, output: 190, cacheRead: 15423, cacheWrite: 100, cacheWrite1h: 3117, reasoning: 0, timed: 0 },
      [OPUS]: { requests: 1, input: 10, output: 50, cacheRead: 1000, cacheWrite: 500, cacheWrite1h: 0, reasoning: 0, timed: 0 },
    });
    expect(sa.agents).toEqual({ main: 2, x1: 1 });
    expect(sa.tools).toEqual({ calls: 3, failed: 1, timed: 3, durationMs: 1200 + 3000 + 500, byName: { Edit: 1, Bash: 1, Read: 1 } });
    expect(sa.lines).toEqual({ added: 2, removed: 1, edits: 1 });
    const { report } = await host.store.load(`claude-code-${A}`);
    expect(report).toMatchObject({ startTime: t(0), endTime: t(60), agent: 'claude-code', workspace: cwd, source: 'import:claude-code', status: 'ended' });

    const sb = await tally(host, `claude-code-${B}`);
    expect(sb.models).toEqual({ [SONNET]: { requests: 1, input: 4, output: 40, cacheRead: 400, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, timed: 0 } });
  });

  it('gives a first import the same report, byte for byte, as folding its journal again', async () => {
    const host = await testHost([tallyPlugin(), countPlugin()], { now: () => new Date('2026-03-01T00:00:00.000Z') });
    const root = tempDir();
    const cwd = host.paths.root;
    const a = sessionA(cwd);
    writeTranscript(root, cwd, `${A}.jsonl`, a.main, { tornTail: a.torn });
    writeTranscript(root, cwd, `${A}/subagents/agent-x1.jsonl`, a.subagent);
    writeTranscript(root, cwd, `${B}.jsonl`, sessionB(cwd));
    await runImport(host, { importer: claudeCodeImporter, env: { CLAUDE_CONFIG_DIR: root } });
    for (const id of [`claude-code-${A}`, `claude-code-${B}`]) {
      const imported = readFileSync(host.paths.reportFile(id), 'utf8');
      const folded = await host.folder.foldJournal(id);
      folded.source = 'import:claude-code';
      await host.store.save(folded);
      expect(readFileSync(host.paths.reportFile(id), 'utf8')).toBe(imported);
    }
  });

  describe.each([
    ['the parent session id', A, 'one run'],
    ['the parent session id', A, 'a later run'],
    ['its own session id', B, 'one run'],
    ['its own session id', B, 'a later run'],
  ])('a resumed session whose copied lines carry %s, imported in %s after its parent', (_what, copiedAs, when) => {
    it('starts at its first own record and counts only its own responses and tool calls', async () => {
      const { host, root, cwd, run } = await setup();
      const { parent, resumed } = resumedPair(cwd, copiedAs);
      writeTranscript(root, cwd, `${A}.jsonl`, parent);
      if (when === 'a later run') await run();
      writeTranscript(root, cwd, `${B}.jsonl`, resumed);
      await run();
      const { report } = await host.store.load(`claude-code-${B}`);
      expect(report).toMatchObject({ startTime: t(3600), endTime: t(3606) });
      const sb = await tally(host, `claude-code-${B}`);
      expect(sb.models[SONNET]).toMatchObject({ requests: 1, input: 4, output: 40 });
      expect(sb.tools).toMatchObject({ calls: 1, byName: { Read: 1 } });
      const sa = await tally(host, `claude-code-${A}`);
      expect(sa.models[SONNET]).toMatchObject({ requests: 2, input: 13, output: 170 });
      expect(sa.tools).toMatchObject({ calls: 1, byName: { Bash: 1 } });
      expect((await host.store.load(`claude-code-${A}`)).report).toMatchObject({ startTime: t(0), endTime: t(10) });
    });
  });

  it("never counts lines carrying another session's id for a resumed session, even when its parent's transcript is gone", async () => {
    const { host, root, cwd, run } = await setup();
    writeTranscript(root, cwd, `${B}.jsonl`, resumedPair(cwd, A).resumed);
    await run();
    expect((await host.store.load(`claude-code-${B}`)).report).toMatchObject({ startTime: t(3600), endTime: t(3606) });
    expect((await tally(host, `claude-code-${B}`)).models[SONNET]).toMatchObject({ requests: 1, output: 40 });
  });

  it('writes API latency as absent, never 0, and keeps the failed tool error text', async () => {
    const { host, root, cwd, run } = await setup();
    writeTranscript(root, cwd, `${A}.jsonl`, sessionA(cwd).main);
    await run();
    const events = readFileSync(host.paths.journalFile(`claude-code-${A}`), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'api.response').every((e) => !('durationMs' in e))).toBe(true);
    expect(events.find((e) => e.type === 'tool.call' && !e.success)).toMatchObject({ name: 'Bash', durationMs: 3000, error: 'Exit code 1' });
    expect(events.filter((e) => e.type === 'session.end')).toHaveLength(1);
  });

  it('reads only new bytes on the next run, resumes a grown transcript and ends with the one-shot numbers', async () => {
    const one = await setup();
    const a = sessionA(one.cwd);
    const file = writeTranscript(one.root, one.cwd, `${A}.jsonl`, a.main.slice(0, 5));
    await one.run();
    const again = await one.run();
    expect(again.files.read).toBe(0);
    expect(again.bytesRead).toBe(0);
    appendTranscript(file, a.main.slice(5));
    const grown = await one.run();
    expect(grown.sessions.updated).toEqual([`claude-code-${A}`]);
    expect(grown.bytesRead).toBe(statSync(file).size - Buffer.byteLength(a.main.slice(0, 5).map((l) => `${l}\n`).join('')));

    const whole = await setup();
    writeTranscript(whole.root, whole.cwd, `${A}.jsonl`, sessionA(whole.cwd).main);
    await whole.run();
    const [x, y] = [await tally(one.host, `claude-code-${A}`), await tally(whole.host, `claude-code-${A}`)];
    expect(x).toEqual(y);
    expect(x.tools.calls).toBe(2);
    const journal = readFileSync(one.host.paths.journalFile(`claude-code-${A}`), 'utf8');
    expect(journal.match(/"session\.end"/g)).toHaveLength(1);
  });

  it('counts a torn last line once it is complete', async () => {
    const { host, root, cwd, run } = await setup();
    const b = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s) });
    const last = assistant(b(3), { id: 'msg_x', requestId: 'req_x', model: OPUS, usage: { input_tokens: 1, output_tokens: 9 }, block: text('x') });
    const file = writeTranscript(root, cwd, `${A}.jsonl`, [userPrompt(b(0), 'hi')], { tornTail: last.slice(0, 50) });
    expect((await run()).lines.torn).toBe(1);
    writeFileSync(file, `${userPrompt(b(0), 'hi')}\n${last}\n`);
    const second = await run();
    expect(second.lines.torn).toBe(0);
    expect((await tally(host, `claude-code-${A}`)).models[OPUS]).toMatchObject({ requests: 1, output: 9 });
  });

  it('re-imports the session when a later line carries a fuller usage of a response already counted', async () => {
    const { host, root, cwd, run } = await setup();
    const b = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s) });
    const file = writeTranscript(root, cwd, `${A}.jsonl`, [userPrompt(b(0), 'hi'), assistant(b(1), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: partialUsage, block: text('a') })]);
    await run();
    expect((await tally(host, `claude-code-${A}`)).models[SONNET]!.output).toBe(5);
    appendTranscript(file, [assistant(b(1.2), { id: 'msg_1', requestId: 'req_1', model: SONNET, usage: fullUsage, block: text('b') })]);
    await run();
    expect((await tally(host, `claude-code-${A}`)).models[SONNET]).toMatchObject({ requests: 1, output: 120 });
  });

  it('skips other projects by folder name without reading them, and imports them with --all-projects', async () => {
    const { root, cwd, run } = await setup();
    writeTranscript(root, cwd, `${A}.jsonl`, sessionA(cwd).main);
    writeTranscript(root, '/home/me/other', `${B}.jsonl`, sessionB('/home/me/other'));
    const scoped = await run();
    expect(scoped.sessions.imported).toEqual([`claude-code-${A}`]);
    expect(scoped.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 1 }]);
    expect(scoped.files.read).toBe(1);
    const all = await run({ allProjects: true });
    expect(all.sessions.imported).toEqual([`claude-code-${B}`]);
  });

  it('skips a huge snapshot line without decoding it and counts lines over the limit', async () => {
    const { host, root, cwd, run } = await setup();
    const b = (s: number): Base => ({ sessionId: A, cwd, timestamp: t(s) });
    const huge = JSON.stringify({ type: 'assistant-ish', blob: 'y'.repeat(3000) });
    writeTranscript(root, cwd, `${A}.jsonl`, [userPrompt(b(0), 'hi'), snapshot(3000), huge, assistant(b(1), { id: 'm', requestId: 'r', model: OPUS, usage: { input_tokens: 2, output_tokens: 3 }, block: text('x') })]);
    const summary = await run({ maxLineBytes: 2048 });
    expect(summary.lines).toMatchObject({ invalid: 0, overlong: 1 });
    expect((await tally(host, `claude-code-${A}`)).models[OPUS]).toMatchObject({ requests: 1, input: 2, output: 3 });
  });
});
