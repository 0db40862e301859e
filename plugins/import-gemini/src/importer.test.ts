import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runImport, type Host } from '@radium-stats/core';
import { tallyPlugin, tempDir, testHost, type TallySection } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { appendChat, at, diffStat, gemini, metadata, toolCall, user, writeChat } from '../test/fixtures.js';
import { geminiImporter } from './importer.js';
import { projectHash } from './project-root.js';

const S = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';
const SESSION = `gemini-${S}`;
const PRO = 'gemini-2.5-pro';
const FLASH = 'gemini-2.5-flash';

function chat(hash: string): string[] {
  return [
    metadata(S, hash, 0),
    user('m1', 1),
    gemini('m2', 9, PRO, null, [toolCall('c1', 'replace', 'executing', 10)]),
    gemini('m2', 9, PRO, { input: 12034, output: 210, cached: 8192, thoughts: 640, tool: 0, total: 12884 }, [
      toolCall('c1', 'replace', 'success', 10, { resultDisplay: { fileName: 'a.ts', filePath: '/p/a.ts', diffStat: diffStat(5, 2, 1, 0) } }),
    ]),
    JSON.stringify({ $set: { lastUpdated: at(10) } }),
    user('m3', 60),
    gemini('m4', 65, FLASH, { input: 1000, output: 50, cached: 0, thoughts: 0, tool: 20 }, [
      toolCall('c2', 'run_shell_command', 'error', 66, { resultDisplay: 'Command failed: npm test\nexit 1' }),
      toolCall('c3', 'write_file', 'cancelled', 67),
    ]),
    user('m5', 120),
    gemini('m6', 125, PRO, { input: 5000, output: 100, cached: 4000, thoughts: 0 }),
    JSON.stringify({ $rewindTo: 'm5' }),
    user('m7', 180),
    gemini('m8', 190, PRO, { input: 6000, output: 300, cached: 4096, thoughts: 100 }),
    '{"id":"m9", broken',
  ];
}

const subagent = (hash: string) => [metadata('sub-1', hash, 30, 'subagent'), gemini('s1', 40, FLASH, { input: 300, output: 30, cached: 100, thoughts: 10 })];

async function setup() {
  const host = await testHost([tallyPlugin()]);
  const home = tempDir();
  const geminiDir = path.join(home, '.gemini');
  const hash = projectHash(host.paths.root);
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: geminiImporter, env: {}, home, ...extra });
  return { host, geminiDir, hash, run };
}

const tally = async (host: Host, id = SESSION) => (await host.store.load(id)).report.sections.tally as TallySection;

describe('Gemini import', () => {
  it('imports exact tokens per model: cached out of input, thoughts in output, rewinds and updates applied, subagents in the parent', async () => {
    const { host, geminiDir, hash, run } = await setup();
    writeChat(geminiDir, hash, 'session-2026-05-01T09-00-3c6ddcd3.jsonl', chat(hash), { tornTail: '{"id":"m10","timest' });
    writeChat(geminiDir, hash, `${S}/sub-1.jsonl`, subagent(hash));
    const summary = await run();
    expect(summary.sessions.imported).toEqual([SESSION]);
    expect(summary.lines).toMatchObject({ invalid: 1, torn: 1 });
    const s = await tally(host);
    expect(s.models).toEqual({
      [PRO]: { requests: 2, input: 12034 - 8192 + (6000 - 4096), output: 210 + 640 + 300 + 100, cacheRead: 8192 + 4096, cacheWrite: 0, cacheWrite1h: 0, reasoning: 740, timed: 0 },
      [FLASH]: { requests: 2, input: 1000 + 20 + 200, output: 50 + 40, cacheRead: 100, cacheWrite: 0, cacheWrite1h: 0, reasoning: 10, timed: 0 },
    });
    expect(s.agents).toEqual({ main: 3, 'sub-1': 1 });
    expect(s.tools).toEqual({ calls: 3, failed: 2, timed: 0, durationMs: 0, byName: { replace: 1, run_shell_command: 1, write_file: 1 } });
    expect(s.lines).toEqual({ added: 6, removed: 2, edits: 1 });
    const { report } = await host.store.load(SESSION);
    expect(report).toMatchObject({ agent: 'gemini', workspace: host.paths.root, startTime: at(0), endTime: at(190) });
    const events = readFileSync(host.paths.journalFile(SESSION), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'tool.call' || e.type === 'api.response').every((e) => !('durationMs' in e))).toBe(true);
  });

  it('resumes a grown chat, re-imports it when a later record rewinds imported history, and ends with the one-shot numbers', async () => {
    const one = await setup();
    const lines = chat(one.hash);
    const file = writeChat(one.geminiDir, one.hash, 'session-2026-05-01T09-00-3c6ddcd3.jsonl', lines.slice(0, 9));
    await one.run();
    expect((await tally(one.host)).models[PRO]!.requests).toBe(2);
    appendChat(file, lines.slice(9));
    const second = await one.run();
    expect(second.sessions.updated).toEqual([SESSION]);
    const whole = await setup();
    writeChat(whole.geminiDir, whole.hash, 'session-2026-05-01T09-00-3c6ddcd3.jsonl', chat(whole.hash));
    await whole.run();
    expect(await tally(one.host)).toEqual(await tally(whole.host));
    appendChat(file, [user('m11', 300)]);
    const third = await one.run();
    expect(third.sessions.updated).toEqual([SESSION]);
    expect(await tally(one.host)).toEqual(await tally(whole.host));
    expect((await one.run()).files.read).toBe(0);
  });

  it('reads older .json chats, and skips one that was migrated to .jsonl', async () => {
    const { host, geminiDir, hash, run } = await setup();
    const legacy = (id: string) =>
      JSON.stringify({ sessionId: id, projectHash: hash, startTime: at(0), lastUpdated: at(50), messages: [JSON.parse(user('u1', 1)), JSON.parse(gemini('g1', 5, PRO, { input: 100, output: 10, cached: 40, thoughts: 5 }))] }, null, 2);
    writeFileSync(writeChat(geminiDir, hash, 'session-2026-04-01T09-00-aaaaaaaa.json', []), legacy('aaaaaaaa-1'));
    writeFileSync(writeChat(geminiDir, hash, 'session-2026-04-02T09-00-bbbbbbbb.json', []), legacy('bbbbbbbb-1'));
    writeChat(geminiDir, hash, 'session-2026-04-02T09-00-bbbbbbbb.jsonl', [metadata('bbbbbbbb-1', hash, 0), gemini('g1', 5, PRO, { input: 100, output: 10, cached: 40, thoughts: 5 })]);
    const summary = await run();
    expect(summary.sessions.imported.sort()).toEqual(['gemini-aaaaaaaa-1', 'gemini-bbbbbbbb-1']);
    expect(summary.skipped).toEqual([{ reason: 'older .json copy of a .jsonl chat', files: 1 }]);
    expect((await tally(host, 'gemini-aaaaaaaa-1')).models[PRO]).toMatchObject({ requests: 1, input: 60, cacheRead: 40, output: 15, reasoning: 5 });
  });

  it('counts a .json chat once when it was imported, then caught half-written, then whole again', async () => {
    const { host, geminiDir, hash, run } = await setup();
    const doc = JSON.stringify({ sessionId: 'cccccccc-1', projectHash: hash, startTime: at(0), lastUpdated: at(50), messages: [JSON.parse(user('u1', 1)), JSON.parse(gemini('g1', 5, PRO, { input: 100, output: 10, cached: 40, thoughts: 5 }))] }, null, 2);
    const file = writeChat(geminiDir, hash, 'session-2026-04-03T09-00-cccccccc.json', []);
    writeFileSync(file, doc);
    await run();
    const oneShot = await tally(host, 'gemini-cccccccc-1');
    writeFileSync(file, doc.slice(0, doc.length - 20));
    await run();
    expect(host.warnings.messages.join('\n')).toMatch(/skipped .*cccccccc\.json: not valid JSON/);
    expect(await tally(host, 'gemini-cccccccc-1')).toEqual(oneShot);
    writeFileSync(file, doc);
    await run();
    expect(await tally(host, 'gemini-cccccccc-1')).toEqual(oneShot);
    expect(oneShot.models[PRO]).toMatchObject({ requests: 1, input: 60, cacheRead: 40, output: 15 });
  });

  it('matches projects by hash, marker file or registry, and leaves out the others unless asked', async () => {
    const { host, geminiDir, hash, run } = await setup();
    writeChat(geminiDir, hash, 'session-a.jsonl', [metadata('in-hash', hash, 0), gemini('g', 1, PRO, { input: 1, output: 1, cached: 0 })]);
    const other = projectHash('/elsewhere');
    writeChat(geminiDir, other, 'session-b.jsonl', [metadata('out-hash', other, 0), gemini('g', 1, PRO, { input: 1, output: 1, cached: 0 })]);
    writeChat(geminiDir, 'my-app', 'session-c.jsonl', [metadata('in-marker', 'x', 0), gemini('g', 1, PRO, { input: 1, output: 1, cached: 0 })]);
    writeFileSync(path.join(geminiDir, 'tmp', 'my-app', '.project_root'), path.join(host.paths.root, 'app'));
    writeChat(geminiDir, 'docs', 'session-d.jsonl', [metadata('in-registry', 'y', 0), gemini('g', 1, PRO, { input: 1, output: 1, cached: 0 })]);
    writeFileSync(path.join(geminiDir, 'projects.json'), JSON.stringify({ projects: { [path.join(host.paths.root, 'docs')]: 'docs' } }));
    const scoped = await run();
    expect(scoped.sessions.imported.sort()).toEqual(['gemini-in-hash', 'gemini-in-marker', 'gemini-in-registry']);
    expect(scoped.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 1 }]);
    expect((await host.store.load('gemini-in-marker')).report.workspace).toBe(path.join(host.paths.root, 'app'));
    const all = await run({ allProjects: true });
    expect(all.sessions.imported).toEqual(['gemini-out-hash']);
    expect((await host.store.load('gemini-out-hash')).report.workspace).toBe(`gemini-project:${other}`);
  });
});
