import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runImport, type Host } from '@radium-stats/core';
import { tallyPlugin, tempDir, testHost, type TallySection } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { assistant, at, ledgerEvent, results, thread, toolResult, toolUse, usage, user, writeThread } from '../test/fixtures.js';
import { ampImporter } from './importer.js';

const A = 'T-0199aaaa-bbbb-7ccc-8ddd-eeeeffff0001';
const B = 'T-0199aaaa-bbbb-7ccc-8ddd-eeeeffff0002';
const C = 'T-0199aaaa-bbbb-7ccc-8ddd-eeeeffff0003';
const OPUS = 'claude-opus-4-5-20251101';
const HAIKU = 'claude-haiku-4-5-20251001';
const GPT = 'gpt-5';

/** A current thread: usage with its own time on each assistant message, tool calls answered in the next user message. */
function current(cwd: string): Record<string, unknown>[] {
  return [
    user(0, 0),
    assistant(1, usage(OPUS, 12, 80, 3400, 900, 5), [
      toolUse('toolu_01', 'Bash', { cmd: 'cargo test', cwd }),
      toolUse('toolu_02', 'edit_file', { path: path.join(cwd, 'src/a.rs'), old_str: 'a\nb\nc', new_str: 'a\nB\nB2\nc' }),
    ]),
    results(2, toolResult('toolu_01', { status: 'done', result: { output: 'ok\n', exitCode: 0 } }), toolResult('toolu_02', { status: 'done', result: { diff: '...' } })),
    assistant(3, usage(OPUS, 5, 40, 4300, 100, 12), [
      toolUse('toolu_03', 'Bash', { cmd: 'npm test', cwd }),
      toolUse('toolu_04', 'create_file', { path: path.join(cwd, 'src/b.rs'), content: 'x\ny\n' }),
      toolUse('toolu_05', 'shell_command', { command: 'sleep 999', workdir: cwd }),
      toolUse('toolu_06', 'Read', { path: path.join(cwd, 'README.md') }),
    ]),
    results(
      4,
      toolResult('toolu_03', { status: 'done', result: { output: '1 failing\n', exitCode: 1 } }),
      toolResult('toolu_04', { status: 'rejected-by-user' }),
      toolResult('toolu_05', { status: 'error', error: { message: 'Command timed out\nafter 60s' } }),
      toolResult('toolu_06', { status: 'cancelled' }),
    ),
    user(5, 60),
    assistant(6, usage(GPT, 1000, 200, 0, 0, 70), [toolUse('toolu_07', 'glob', { filePattern: '**/*.rs' })]),
    results(7, toolResult('toolu_07', { status: 'in-progress' })),
    assistant(8, usage(GPT, 0, 0, 0, 0, 75), [], { type: 'cancelled' }),
  ];
}

/** An older thread: no time on its usage, and a `usageLedger` that also holds a response no message records. */
function legacy(cwd: string): Record<string, unknown> {
  return thread(B, cwd, 100, [user(0, 100), assistant(1, usage(HAIKU, 100, 50, 200, 500))], {
    usageLedger: { events: [ledgerEvent('ev-1', 105, HAIKU, 100, 50, 1), ledgerEvent('ev-2', 130, HAIKU, 30, 7, 9)] },
  });
}

async function setup() {
  const host = await testHost([tallyPlugin()]);
  const data = tempDir();
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: ampImporter, env: {}, sources: [data], ...extra });
  return { host, data, cwd: host.paths.root, run };
}

const tally = async (host: Host, thread: string) => (await host.store.load(`amp-${thread}`)).report.sections.tally as TallySection;
const journal = (host: Host, thread: string) =>
  readFileSync(host.paths.journalFile(`amp-${thread}`), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('Amp import', () => {
  it('imports exact tokens per thread and model, with cache reads and writes apart from input, and tool calls with their results', async () => {
    const { host, data, cwd, run } = await setup();
    writeThread(data, thread(A, cwd, 0, current(cwd)));
    writeThread(data, legacy(cwd));
    const summary = await run();
    expect(summary.sessions.imported.sort()).toEqual([`amp-${A}`, `amp-${B}`]);
    const a = await tally(host, A);
    expect(a.models).toEqual({
      [OPUS]: { requests: 2, input: 17, output: 120, cacheRead: 7700, cacheWrite: 1000, cacheWrite1h: 0, reasoning: 0, timed: 0 },
      [GPT]: { requests: 1, input: 1000, output: 200, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, timed: 0 },
    });
    expect(a.tools).toEqual({ calls: 6, failed: 4, timed: 0, durationMs: 0, byName: { Bash: 2, edit_file: 1, create_file: 1, shell_command: 1, Read: 1 } });
    expect(a.lines).toEqual({ added: 2, removed: 1, edits: 1 });
    expect((await tally(host, B)).models).toEqual({
      [HAIKU]: { requests: 2, input: 130, output: 57, cacheRead: 200, cacheWrite: 500, cacheWrite1h: 0, reasoning: 0, timed: 0 },
    });
    expect((await host.store.load(`amp-${A}`)).report).toMatchObject({ agent: 'amp', workspace: cwd, startTime: at(0), endTime: at(75) });
    expect((await host.store.load(`amp-${B}`)).report).toMatchObject({ startTime: at(100), endTime: at(130) });
    const events = journal(host, A);
    expect(events[0]).toMatchObject({ type: 'session.start', meta: { version: '0.0.1768178000-gaaaaaa', client: 'CLI', gitBranch: 'main', agentMode: 'smart' } });
    expect(events.filter((e) => e.type === 'api.response').map((e) => [e.ts, e.engine])).toEqual([
      [at(5), 'claude'],
      [at(12), 'claude'],
      [at(70), 'openai'],
    ]);
    expect(events.filter((e) => e.type === 'tool.call' && !e.success).map((e) => [e.name, e.error, e.decision])).toEqual([
      ['Bash', 'exit code 1', undefined],
      ['create_file', 'rejected by user', 'reject'],
      ['shell_command', 'Command timed out', undefined],
      ['Read', 'cancelled', undefined],
    ]);
    expect(events.some((e) => 'durationMs' in e)).toBe(false);
  });

  it('changes nothing on a repeat import, and updates a grown thread to the numbers of one import of the whole', async () => {
    const one = await setup();
    const messages = current(one.cwd);
    writeThread(one.data, thread(A, one.cwd, 0, messages.slice(0, 3)));
    expect((await one.run()).sessions.imported).toEqual([`amp-${A}`]);
    expect((await tally(one.host, A)).models[OPUS]!.requests).toBe(1);
    const again = await one.run();
    expect(again).toMatchObject({ files: { read: 0 }, sessions: { imported: [], updated: [], unchanged: 1 } });
    writeThread(one.data, thread(A, one.cwd, 0, messages));
    expect((await one.run()).sessions.updated).toEqual([`amp-${A}`]);
    const whole = await setup();
    writeThread(whole.data, thread(A, whole.cwd, 0, current(whole.cwd)));
    await whole.run();
    expect(await tally(one.host, A)).toEqual(await tally(whole.host, A));
    expect((await one.run()).files.read).toBe(0);
  });

  it('skips a torn thread file with a warning naming it, and imports it exactly once it is whole', async () => {
    const { host, data, cwd, run } = await setup();
    writeThread(data, thread(A, cwd, 0, current(cwd)));
    const torn = writeThread(data, legacy(cwd), { torn: true });
    const first = await run();
    expect(first.sessions.imported).toEqual([`amp-${A}`]);
    expect(first.lines.invalid).toBe(1);
    expect(host.warnings.messages.filter((m) => m.includes(torn))).toHaveLength(1);
    writeThread(data, legacy(cwd));
    expect((await run()).sessions.imported).toEqual([`amp-${B}`]);
    expect((await tally(host, B)).models[HAIKU]!.requests).toBe(2);
  });

  it('keeps exact numbers for an imported thread caught half-written, once it is whole again', async () => {
    const { host, data, cwd, run } = await setup();
    const messages = current(cwd);
    writeThread(data, thread(A, cwd, 0, messages.slice(0, 3)));
    await run();
    const file = writeThread(data, thread(A, cwd, 0, messages), { torn: true });
    await run();
    expect(host.warnings.messages.filter((m) => m.includes(file))).toHaveLength(1);
    writeThread(data, thread(A, cwd, 0, messages));
    await run();
    const whole = await setup();
    writeThread(whole.data, thread(A, whole.cwd, 0, current(whole.cwd)));
    await whole.run();
    expect(await tally(host, A)).toEqual(await tally(whole.host, A));
  });

  it('leaves out threads of other folders and threads without a folder unless every project is asked for', async () => {
    const { host, data, run } = await setup();
    writeThread(data, thread(A, '/somewhere/else', 0, [user(0, 0), assistant(1, usage(OPUS, 1, 1, 0, 0, 1))]));
    writeThread(data, thread(C, null, 0, [user(0, 0), assistant(1, usage(OPUS, 1, 1, 0, 0, 1))]));
    const scoped = await run();
    expect(scoped.sessions.imported).toEqual([]);
    expect(scoped.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 2 }]);
    const all = await run({ allProjects: true });
    expect(all.sessions.imported.sort()).toEqual([`amp-${A}`, `amp-${C}`]);
    expect((await host.store.load(`amp-${A}`)).report.workspace).toBe('/somewhere/else');
    expect((await host.store.load(`amp-${C}`)).report.workspace).toBe('amp:no-folder');
  });

  it('counts a response a forked thread copied once, for the older thread', async () => {
    const { host, data, cwd, run } = await setup();
    const messages = current(cwd);
    writeThread(data, thread(A, cwd, 0, messages));
    writeThread(data, thread(C, cwd, 300, [...messages.slice(0, 3), user(3, 300), assistant(4, usage(OPUS, 9, 9, 9, 9, 305))], { relationships: [{ threadID: A, type: 'fork', role: 'child' }] }));
    await run();
    expect((await tally(host, A)).models[OPUS]!.requests).toBe(2);
    expect((await tally(host, C)).models).toEqual({ [OPUS]: { requests: 1, input: 9, output: 9, cacheRead: 9, cacheWrite: 9, cacheWrite1h: 0, reasoning: 0, timed: 0 } });
  });
});
