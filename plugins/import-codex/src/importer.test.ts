import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { runImport, type Host } from '@radium-stats/core';
import { tallyPlugin, tempDir, testHost, type TallySection } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { appendRollout, call, customCall, customOutput, message, meta, output, tokens, turn, usage, writeRollout } from '../test/fixtures.js';
import { codexImporter } from './importer.js';

const ID = '0199a213-81c0-7800-8aa1-bbab2a035a53';
const SESSION = `codex-${ID}`;

const PATCH = '*** Begin Patch\n*** Update File: src/a.rs\n@@ fn main\n-old\n+new\n+more\n context\n*** Add File: src/b.rs\n+x\n*** End Patch';

function rollout(cwd: string): string[] {
  return [
    meta(0, ID, cwd),
    turn(1, cwd, 'gpt-5.2-codex'),
    call(2, 'exec-1', 'exec_command', { cmd: 'cargo test' }),
    output(9, 'exec-1', 'Exit code: 0\nWall time: 6.9 seconds\nOutput:\ntest result: ok'),
    tokens(10, usage(2500, 500, 300, 200), usage(2500, 500, 300, 200)),
    tokens(10, usage(2500, 500, 300, 200), usage(2500, 500, 300, 200)),
    tokens(11, null, null),
    customCall(20, 'patch-1', 'apply_patch', PATCH),
    customOutput(21, 'patch-1', JSON.stringify({ output: 'Success. Updated the following files:\nM src/a.rs\nA src/b.rs', metadata: { exit_code: 0, duration_seconds: 0.1 } })),
    call(30, 'exec-2', 'shell', { command: ['cargo', 'build'] }),
    output(32, 'exec-2', JSON.stringify({ output: 'error[E0425]: cannot find value `x`', metadata: { exit_code: 101, duration_seconds: 1.9 } })),
    'not json at all',
    turn(40, cwd, 'gpt-5-mini'),
    message(41, 'fixed'),
    tokens(50, usage(1000, 750, 125, 75), usage(3500, 1250, 425, 275)),
    tokens(60, null, usage(5000, 1250, 600, 275)),
  ];
}

async function setup() {
  const host = await testHost([tallyPlugin()]);
  const home = tempDir();
  const run = () => runImport(host, { importer: codexImporter, env: { CODEX_HOME: home } });
  return { host, home, cwd: host.paths.root, run };
}

const tally = async (host: Host, id = SESSION) => (await host.store.load(id)).report.sections.tally as TallySection;

describe('Codex import', () => {
  it('imports exact tokens per model: cached taken out of input, repeated totals once, model switches, totals without a last usage', async () => {
    const { host, home, cwd, run } = await setup();
    writeRollout(home, ID, rollout(cwd), { tornTail: '{"timestamp":"2026-05-13T09:01:10.000Z","type":"event_' });
    const summary = await run();
    expect(summary.sessions.imported).toEqual([SESSION]);
    expect(summary.lines).toMatchObject({ invalid: 1, torn: 1 });
    const s = await tally(host);
    expect(s.models).toEqual({
      'gpt-5.2-codex': { requests: 1, input: 2000, output: 300, cacheRead: 500, cacheWrite: 0, cacheWrite1h: 0, reasoning: 200, timed: 0 },
      'gpt-5-mini': { requests: 2, input: 250 + 1500, output: 125 + 175, cacheRead: 750, cacheWrite: 0, cacheWrite1h: 0, reasoning: 75, timed: 0 },
    });
    expect(s.tools).toEqual({ calls: 3, failed: 1, timed: 3, durationMs: 7000 + 1000 + 2000, byName: { exec_command: 1, apply_patch: 1, shell: 1 } });
    expect(s.lines).toEqual({ added: 3, removed: 1, edits: 2 });
    const { report } = await host.store.load(SESSION);
    expect(report).toMatchObject({ agent: 'codex', workspace: cwd, startTime: '2026-05-13T09:00:00.000Z', endTime: '2026-05-13T09:01:00.000Z' });
    const events = readFileSync(host.paths.journalFile(SESSION), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.find((e) => e.type === 'tool.call' && !e.success)).toMatchObject({ name: 'shell', error: 'error[E0425]: cannot find value `x`' });
    expect(events.filter((e) => e.type === 'api.response').every((e) => !('durationMs' in e))).toBe(true);
  });

  it('never counts a total twice across runs and ends a resumed rollout with the one-shot numbers', async () => {
    const one = await setup();
    const lines = rollout(one.cwd);
    const file = writeRollout(one.home, ID, lines.slice(0, 5));
    await one.run();
    appendRollout(file, lines.slice(5));
    const second = await one.run();
    expect(second.sessions.updated).toEqual([SESSION]);
    const whole = await setup();
    writeRollout(whole.home, ID, rollout(whole.cwd));
    await whole.run();
    expect(await tally(one.host)).toEqual(await tally(whole.host));
    expect((await one.run()).files.read).toBe(0);
  });

  it('keeps one session when a rollout is moved to archived_sessions', async () => {
    const { host, home, cwd, run } = await setup();
    const file = writeRollout(home, ID, rollout(cwd));
    await run();
    const before = await tally(host);
    const archived = path.join(home, 'archived_sessions', path.basename(file));
    mkdirSync(path.dirname(archived), { recursive: true });
    renameSync(file, archived);
    const moved = await run();
    expect(moved.sessions.updated).toEqual([SESSION]);
    expect(await tally(host)).toEqual(before);
  });

  it('leaves out rollouts of other folders', async () => {
    const { home, run } = await setup();
    writeRollout(home, ID, rollout('/somewhere/else'));
    const summary = await run();
    expect(summary.sessions.imported).toEqual([]);
    expect(summary.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 1 }]);
  });
});
