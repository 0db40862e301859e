import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { CLI_ROOT, freshCliHome, radOk, warningsOf } from '../helpers/rad.js';

const env = freshCliHome();

/** A recorder in its own process: records tool calls as fast as it can and prints how many it has recorded after each. */
const RECORDER = `
const { openWorkspaceHost } = await import(${JSON.stringify(pathToFileURL(path.join(CLI_ROOT, 'dist', 'index.js')).href)});
const host = await openWorkspaceHost({ workspace: process.argv[1] });
const session = await host.recorders.start({ agent: 'crash-test' });
process.stdout.write('id ' + session.sessionId + '\\n');
for (let n = 1; ; n++) {
  session.record({ type: 'tool.call', name: 'Bash', durationMs: 1, success: n % 7 !== 0 });
  process.stdout.write('recorded ' + n + '\\n');
  if (n % 50 === 0) await new Promise((r) => setImmediate(r));
}
`;

describe('a recorder killed with SIGKILL', () => {
  it('loses no event it recorded, and its session shows as abandoned, not live', async () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    const child = spawn(process.execPath, ['--input-type=module', '-e', RECORDER, ws], { stdio: ['ignore', 'pipe', 'inherit'] });
    let id = '';
    let recorded = 0;
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', () => resolve());
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line.startsWith('id ')) id = line.slice(3);
          else if (line.startsWith('recorded ')) recorded = Number(line.slice(9));
        }
        if (recorded >= 500 && !child.killed) child.kill('SIGKILL');
      });
    });
    expect(child.signalCode).toBe('SIGKILL');
    expect(id).not.toBe('');
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', id, '--json'], { cwd: ws, env }).stdout) as {
      status: string;
      sections: { tools: { calls: number } };
    };
    expect(report.status).toBe('abandoned');
    // Every call the recorder said it had recorded is in the report (it may have recorded a few more before the kill landed).
    expect(report.sections.tools.calls).toBeGreaterThanOrEqual(recorded);
  });
});

/** A session recorded from the shell whose journal was last written two hours ago, so it reads as abandoned. */
function abandonedSession(ws: string, torn: string): { id: string; journal: string } {
  const id = radOk(['session', 'start', '--agent', 'crash-test'], { cwd: ws, env }).stdout.trim();
  const events = [
    { type: 'tool.call', name: 'Bash', success: true, durationMs: 1200 },
    { type: 'api.response', model: 'gemini-2.5-pro', engine: 'gemini', durationMs: 2500, tokens: { input: 1200, output: 80 } },
  ];
  radOk(['session', 'record', '--session-id', id], { cwd: ws, env, input: events.map((e) => JSON.stringify(e)).join('\n') });
  const journal = path.join(ws, '.radium', '_internals', 'sessions', `${id}.events.jsonl`);
  appendFileSync(journal, torn);
  const past = new Date(Date.now() - 2 * 60 * 60_000);
  utimesSync(journal, past, past);
  return { id, journal };
}

describe('an abandoned session whose journal ends in a torn line', () => {
  it('is folded and warned about once: later commands read its stored report, with the same numbers', () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    const { id, journal } = abandonedSession(ws, '{"type":"tool.call","name":"Ba');
    const first = radOk(['stats', 'model'], { cwd: ws, env });
    expect(warningsOf(first)).toEqual([`Warning: ${journal}: line 5 skipped (line is not valid JSON).`]);
    const second = radOk(['stats', 'model'], { cwd: ws, env });
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    for (const command of [['stats', 'session'], ['stats', 'history'], ['stats', 'engine']]) expect(radOk(command, { cwd: ws, env }).stderr, command.join(' ')).toBe('');
    const report = JSON.parse(radOk(['stats', 'session', '--session-id', id, '--json'], { cwd: ws, env }).stdout) as { status: string; skippedLines: number; sections: { tools: { calls: number } } };
    expect(report).toMatchObject({ status: 'abandoned', skippedLines: 1, sections: { tools: { calls: 1 } } });
  });

  it('is read from its journal again when the session goes on after it was stored', () => {
    const ws = path.join(tempDir(), 'ws');
    radOk(['init', ws], { cwd: tempDir(), env });
    const { id } = abandonedSession(ws, '');
    const calls = () => (JSON.parse(radOk(['stats', 'session', '--session-id', id, '--json'], { cwd: ws, env }).stdout) as { status: string; sections: { tools: { calls: number } } });
    expect(calls()).toMatchObject({ status: 'abandoned', sections: { tools: { calls: 1 } } });
    expect(existsSync(path.join(ws, '.radium', '_internals', 'sessions', `${id}.json`))).toBe(true);
    radOk(['session', 'record', '--session-id', id, JSON.stringify({ type: 'tool.call', name: 'Read', success: true, durationMs: 10 })], { cwd: ws, env });
    expect(calls()).toMatchObject({ status: 'live', sections: { tools: { calls: 2 } } });
    expect((JSON.parse(radOk(['stats', 'history', '--json'], { cwd: ws, env }).stdout) as { sessions: { status: string }[] }).sessions.map((s) => s.status)).toEqual(['live']);
  });
});
