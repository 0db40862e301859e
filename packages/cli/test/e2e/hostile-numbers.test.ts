import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad, radOk, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();
const MAX_TOKENS = 1_000_000_000;

/** Asserts a failed run printed exactly one `Error: …` line (no stack) matching `pattern`. */
function expectOneLineError(result: RadResult, pattern: RegExp): void {
  expect(result.status, result.stderr).not.toBe(0);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('Error: '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** Writes an ended session's journal by hand, as a runtime in any language would. */
function writeJournal(workspace: string, id: string, lines: Record<string, unknown>[]): void {
  const events = [{ type: 'session.start', ts: '2026-01-01T10:00:00Z', sessionId: id, workspace }, ...lines, { type: 'session.end', ts: '2026-01-01T11:00:00Z' }];
  writeFileSync(path.join(workspace, '.radium', '_internals', 'sessions', `${id}.events.jsonl`), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

describe('absurd numbers and odd config files', () => {
  it('names a directory where stats.config.json should be, in one line', async () => {
    const cwd = await tempWorkspace();
    const file = path.join(cwd, '.radium', 'stats.config.json');
    mkdirSync(file);
    expectOneLineError(rad(['stats', 'history'], { cwd, env }), new RegExp(`^Error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a directory, not a config file: remove it`));
  });

  it('refuses a price override of 1e300, naming the key', async () => {
    const cwd = await tempWorkspace();
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { m: { input: 1e300, output: 1 } } } }));
    expectOneLineError(rad(['stats', 'history'], { cwd, env }), /stats\.config\.json: bad value at `prices\.overrides\.m\.input` \(at most 10000 USD per million tokens\)/);
  });

  it('refuses to record a response of 2^53 - 1 tokens, in one line, and records nothing', async () => {
    const cwd = await tempWorkspace();
    const id = radOk(['session', 'start'], { cwd, env }).stdout.trim();
    const event = { type: 'api.response', model: 'gpt-4o', engine: 'openai', tokens: { input: Number.MAX_SAFE_INTEGER } };
    expectOneLineError(rad(['session', 'record', '--session-id', id, JSON.stringify(event)], { cwd, env }), /tokens\.input: above the ceiling of 1000000000 tokens/);
    radOk(['session', 'end', '--session-id', id], { cwd, env });
    const model = JSON.parse(radOk(['stats', 'model', '--json'], { cwd, env }).stdout) as { total: { requests: number } };
    expect(model.total.requests).toBe(0);
  });

  it('shows every session at the ceilings, with costs past 2^53 nano-dollars, in every read', async () => {
    const cwd = await tempWorkspace();
    // A billion input tokens at the 10,000 USD per million price ceiling cost $10 million each.
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { 'acme-coder': { input: 10_000, output: 0 } } } }));
    const big = { type: 'api.response', ts: '2026-01-01T10:30:00Z', model: 'acme-coder', engine: 'acme', tokens: { input: MAX_TOKENS } };
    for (const id of ['s1', 's2', 's3']) writeJournal(cwd, id, [big, big, big]);
    for (let read = 0; read < 2; read += 1) {
      const result = radOk(['stats', 'model', '--json'], { cwd, env });
      expect(result.stderr).toBe('');
      const model = jsonOutput<{ scope: { sessions: number }; total: { requests: number; inputTokens: number; costUsd: number } }>(result.stdout, 'model.schema.json');
      expect(model.scope.sessions).toBe(3);
      expect(model.total.requests).toBe(9);
      expect(model.total.inputTokens).toBe(9 * MAX_TOKENS);
      expect(model.total.costUsd).toBe(90_000_000);
    }
    const session = jsonOutput<{ sections: { tokens: { total: { costNanoUsd: unknown } } } }>(radOk(['stats', 'session', '--session-id', 's2', '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(session.sections.tokens.total.costNanoUsd).toBe('30000000000000000');
    rmSync(path.join(cwd, '.radium', '_internals', 'stats.db'), { force: true });
    expect(JSON.parse(radOk(['stats', 'model', '--json'], { cwd, env }).stdout).total.costUsd).toBe(90_000_000);
  });
});
