import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import { radOk, warningsOf } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

interface ModelJson {
  models: { model: string; costUsd: number | null }[];
  total: { costUsd: number | null };
  priceData: { priceDataVersion: string; sessions: number | null; overridesApplied: boolean }[];
}

function workspace(): string {
  const cwd = tempDir('rad-reprice-');
  radOk(['init', cwd], { cwd });
  return cwd;
}

const sessionsDir = (cwd: string) => path.join(cwd, '.radium', '_internals', 'sessions');

function setOverrides(cwd: string, overrides: Record<string, { input: number; output: number }>): void {
  writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides } }));
}

/** An ended session's journal, as a runtime writes it: one response of a million input and a million output tokens. */
function writeSession(cwd: string, id: string, model: string): void {
  const events = [
    { type: 'session.start', ts: '2026-01-01T10:00:00Z', sessionId: id, workspace: cwd },
    { type: 'api.response', ts: '2026-01-01T10:10:00Z', model, engine: 'acme', tokens: { input: 1_000_000, output: 1_000_000 } },
    { type: 'session.end', ts: '2026-01-01T11:00:00Z' },
  ];
  writeFileSync(path.join(sessionsDir(cwd), `${id}.events.jsonl`), events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

/** A report of the original Radium, which keeps the cost it recorded. */
function writeLegacyReport(cwd: string, id: string, model: string, cost: number): void {
  const usage = { requests: 1, input_tokens: 1_000_000, output_tokens: 1_000_000, cached_tokens: 0, estimated_cost: cost };
  const metrics = { session_id: id, start_time: '2025-12-01T10:00:00Z', end_time: '2025-12-01T11:00:00Z', model_usage: { [model]: usage }, total_cost: cost };
  writeFileSync(path.join(sessionsDir(cwd), `${id}.json`), JSON.stringify({ metrics }));
}

const model = (cwd: string) => jsonOutput<ModelJson>(radOk(['stats', 'model', '--json'], { cwd }).stdout, 'model.schema.json');
const costOf = (json: ModelJson, name: string) => json.models.find((m) => m.model === name)?.costUsd;
const report = (cwd: string, id: string) => JSON.parse(readFileSync(path.join(sessionsDir(cwd), `${id}.json`), 'utf8'));
const stamp = (cwd: string, id: string) => {
  const stat = statSync(path.join(sessionsDir(cwd), `${id}.json`));
  return { ino: stat.ino, mtimeMs: stat.mtimeMs };
};

describe('re-pricing recorded sessions', () => {
  it('re-prices the sessions an override change concerns at the next command, once, and says which price data priced what', () => {
    const cwd = workspace();
    setOverrides(cwd, { 'acme-a': { input: 1, output: 1 }, 'acme-b': { input: 2, output: 2 } });
    writeSession(cwd, 'sa', 'acme-a');
    writeSession(cwd, 'sb', 'acme-b');
    writeLegacyReport(cwd, 'legacy', 'acme-a', 0.5);
    const before = model(cwd);
    expect(costOf(before, 'acme-a')).toBeCloseTo(2 + 0.5, 9);
    expect(costOf(before, 'acme-b')).toBeCloseTo(4, 9);
    const untouched = stamp(cwd, 'sb');

    setOverrides(cwd, { 'acme-a': { input: 3, output: 3 }, 'acme-b': { input: 2, output: 2 } });
    const after = model(cwd);
    // The legacy session keeps the original Radium's $0.50.
    expect(costOf(after, 'acme-a')).toBeCloseTo(6 + 0.5, 9);
    expect(costOf(after, 'acme-b')).toBeCloseTo(4, 9);
    expect(after.total.costUsd).toBeCloseTo(10.5, 9);
    // Only the session whose model's override changed was written again.
    expect(stamp(cwd, 'sb')).toEqual(untouched);
    expect(report(cwd, 'sa').sections.tokens.total.costUsd).toBeCloseTo(6, 9);
    expect(report(cwd, 'sa').pricing.dataVersion).not.toBe(report(cwd, 'sb').pricing.dataVersion);
    expect(after.priceData.map((p) => [p.sessions, p.overridesApplied])).toEqual(expect.arrayContaining([[1, false], [1, true], [1, true]]));
    expect(after.priceData.find((p) => p.priceDataVersion === 'radium-legacy')).toEqual({ priceDataVersion: 'radium-legacy', sessions: 1, overridesApplied: false });

    const stamps = ['sa', 'sb'].map((id) => stamp(cwd, id));
    const human = radOk(['stats', 'model'], { cwd });
    expect(['sa', 'sb'].map((id) => stamp(cwd, id))).toEqual(stamps);
    expect(human.stderr).toBe('');
    expect(human.stdout).toMatch(/^Price Data\n/m);
    expect(human.stdout).toMatch(/^genai-prices@[^ ]+\+overrides\.[0-9a-f]{8}: +1 session, with prices\.overrides$/m);
    expect(human.stdout).toMatch(/^radium-legacy: +1 session, original Radium costs$/m);
    const block = human.stdout.slice(human.stdout.indexOf('Price Data\n')).trimEnd().split('\n');
    expect(block).toHaveLength(4);
    expect(block.every((line) => line.length < 80)).toBe(true);
  });

  it('re-prices an imported session from its journal, and it stays imported', () => {
    const cwd = workspace();
    const home = tempDir('rad-reprice-home-');
    const dir = path.join(home, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
    mkdirSync(dir, { recursive: true });
    const at = (ts: string) => ({ sessionId: 's1', cwd, timestamp: ts });
    const usage = { input_tokens: 3, output_tokens: 120, cache_read_input_tokens: 14723, cache_creation_input_tokens: 3117, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 3117 } };
    const lines = [
      { ...at('2025-10-20T10:00:00.000Z'), type: 'user', message: { role: 'user', content: 'hi' } },
      { ...at('2025-10-20T10:00:05.000Z'), type: 'assistant', requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5-20250929', content: [{ type: 'text', text: 'a' }], usage } },
    ];
    writeFileSync(path.join(dir, 's1.jsonl'), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    radOk(['stats', 'import', 'claude-code'], { cwd, env: { CLAUDE_CONFIG_DIR: home } });
    const listPrice = costOf(model(cwd), 'claude-sonnet-4-5-20250929');

    // $10 per million tokens of every kind: 3 + 120 + 14,723 + 3,117 tokens.
    setOverrides(cwd, { 'claude-sonnet-4-5-20250929': { input: 10, output: 10 } });
    const after = model(cwd);
    expect(costOf(after, 'claude-sonnet-4-5-20250929')).toBeCloseTo(0.17963, 9);
    expect(listPrice).not.toBeCloseTo(0.17963, 5);
    expect(report(cwd, 'claude-code-s1').source).toBe('import:claude-code');
    expect(after.priceData).toEqual([expect.objectContaining({ sessions: 1, overridesApplied: true })]);
  });

  it('warns by name about a session it cannot re-price, at every command, and keeps its report', () => {
    const cwd = workspace();
    setOverrides(cwd, { 'acme-a': { input: 1, output: 1 } });
    writeSession(cwd, 'kept', 'acme-a');
    writeSession(cwd, 'sa', 'acme-a');
    model(cwd);
    rmSync(path.join(sessionsDir(cwd), 'kept.events.jsonl'));
    const text = readFileSync(path.join(sessionsDir(cwd), 'kept.json'), 'utf8');

    setOverrides(cwd, { 'acme-a': { input: 3, output: 3 } });
    for (let run = 0; run < 2; run += 1) {
      const result = radOk(['stats', 'model', '--json'], { cwd });
      expect(warningsOf(result)).toEqual([
        expect.stringMatching(/^Warning: Session kept could not be re-priced \(it has no journal to price its requests from\); it keeps its costs priced with genai-prices@\S+\+overrides\.[0-9a-f]{8}\.$/),
      ]);
      // $2 as first priced, plus the other session re-priced at $6.
      expect(JSON.parse(result.stdout).total.costUsd).toBeCloseTo(8, 9);
    }
    expect(readFileSync(path.join(sessionsDir(cwd), 'kept.json'), 'utf8')).toBe(text);
    expect(model(cwd).priceData.map((p) => p.sessions)).toEqual([1, 1]);
  });
});
