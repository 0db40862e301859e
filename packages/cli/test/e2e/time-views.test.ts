import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { exampleWorkspace, freshCliHome, rad } from '../helpers/rad.js';
import { expectGolden } from '../helpers/golden.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = { ...freshCliHome(), TZ: 'UTC' };

interface Usage {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  pricedCostUsd: number;
}
interface PeriodsJson {
  timezone: string;
  unit: string;
  periods: (Usage & { period: string; sessions: number; models: (Usage & { model: string })[] })[];
  total: (Usage & { sessions: number }) | null;
}

/** An ended session whose responses complete at the given times (one model each). */
function session(root: string, id: string, start: string, responses: [at: string, model: string][], agent = 'claude'): void {
  const lines: object[] = [{ type: 'session.start', ts: start, sessionId: id, workspace: root, agent }];
  for (const [ts, model] of responses) lines.push({ type: 'api.response', ts, model, engine: 'anthropic', durationMs: 100, tokens: { input: 1000, output: 100 } });
  lines.push({ type: 'session.end', ts: responses.at(-1)![0] });
  writeFileSync(path.join(root, '.radium/_internals/sessions', `${id}.events.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

describe('rad stats daily, weekly and monthly', () => {
  let cwd: string;
  const view = (...args: string[]) => rad(['stats', ...args], { cwd, env });
  const json = (...args: string[]) => {
    const result = view(...args, '--json');
    expect(result.status, result.stderr).toBe(0);
    return jsonOutput<PeriodsJson>(result.stdout, 'periods.schema.json');
  };
  const rows = (out: PeriodsJson) => out.periods.map((p) => [p.period, p.sessions, p.requests]);

  beforeAll(async () => {
    cwd = await tempWorkspace();
    // s1 runs across midnight UTC (Monday Nov 2 into Tuesday Nov 3); s3 is on Sunday Nov 8; s4 on Dec 1 just after midnight UTC.
    session(cwd, 's1', '2026-11-02T23:40:00Z', [['2026-11-02T23:50:00Z', 'claude-opus-4-1'], ['2026-11-03T00:10:00Z', 'claude-haiku-4-5']]);
    session(cwd, 's2', '2026-11-03T10:00:00Z', [['2026-11-03T10:05:00Z', 'claude-haiku-4-5']], 'codex');
    session(cwd, 's3', '2026-11-08T10:00:00Z', [['2026-11-08T10:05:00Z', 'claude-opus-4-1']]);
    session(cwd, 's4', '2026-12-01T00:30:00Z', [['2026-12-01T00:35:00Z', 'claude-haiku-4-5']]);
  });

  it('split a session across midnight by when each response completed, and count it on the day it started', () => {
    const daily = json('daily', '--timezone', 'UTC');
    expect(rows(daily)).toEqual([
      ['2026-11-02', 1, 1],
      ['2026-11-03', 1, 2],
      ['2026-11-08', 1, 1],
      ['2026-12-01', 1, 1],
    ]);
    expect(daily.periods[1]!.models.map((m) => [m.model, m.requests])).toEqual([['claude-haiku-4-5', 2]]);
    // Nine hours east, s1 is wholly on Nov 3; s4 too is on Dec 1.
    expect(rows(json('daily', '--timezone', 'Asia/Tokyo'))).toEqual([
      ['2026-11-03', 2, 3],
      ['2026-11-08', 1, 1],
      ['2026-12-01', 1, 1],
    ]);
  });

  it('have totals equal to the model view over the same sessions', () => {
    const daily = json('daily');
    const model = JSON.parse(view('model', '--json').stdout) as { total: Usage; scope: { sessions: number } };
    expect(daily.total).toMatchObject({ sessions: 4, requests: model.total.requests, inputTokens: model.total.inputTokens, outputTokens: model.total.outputTokens });
    expect(daily.total!.pricedCostUsd).toBeCloseTo(model.total.pricedCostUsd, 9);
    expect(daily.total!.pricedCostUsd).toBeGreaterThan(0);
    const summed = daily.periods.reduce((sum, p) => sum + p.pricedCostUsd, 0);
    expect(summed).toBeCloseTo(daily.total!.pricedCostUsd, 9);
  });

  it('make ISO weeks start on Monday, or on Sunday when asked', () => {
    expect(rows(json('weekly', '--timezone', 'UTC'))).toEqual([
      ['2026-11-02', 3, 4],
      ['2026-11-30', 1, 1],
    ]);
    const sunday = json('weekly', '--timezone', 'UTC', '--start-of-week', 'sunday');
    expect(rows(sunday)).toEqual([
      ['2026-11-01', 2, 3],
      ['2026-11-08', 1, 1],
      ['2026-11-29', 1, 1],
    ]);
    expect(sunday).toMatchObject({ unit: 'week', weekStart: 'sunday' });
  });

  it('name months YYYY-MM in the time zone', () => {
    expect(rows(json('monthly', '--timezone', 'UTC'))).toEqual([
      ['2026-11', 3, 4],
      ['2026-12', 1, 1],
    ]);
    // 00:30 UTC on Dec 1 is still November in New York.
    expect(rows(json('monthly', '--timezone', 'America/New_York'))).toEqual([['2026-11', 4, 5]]);
  });

  it('take the filters of the aggregate views, and say when nothing matched (exit 0)', () => {
    expect(rows(json('daily', '--agent', 'codex'))).toEqual([['2026-11-03', 1, 1]]);
    // From Nov 3 on: s1's second response counts, its start (Nov 2) does not.
    expect(rows(json('daily', '--since', '2026-11-03', '--until', '2026-11-08'))).toEqual([
      ['2026-11-03', 1, 2],
      ['2026-11-08', 1, 1],
    ]);
    expect(rows(json('daily', '--model', 'claude-opus-4-1'))).toEqual([
      ['2026-11-02', 1, 1],
      ['2026-11-08', 1, 1],
    ]);
    const none = view('daily', '--agent', 'nobody');
    expect(none.status).toBe(0);
    expect(none.stdout.trim()).toBe('No sessions match these filters: agent "nobody".');
    expect(json('daily', '--agent', 'nobody')).toMatchObject({ periods: [], total: null });
    const shown = view('weekly', '--since', '2026-11-01', '--timezone', 'UTC');
    expect(shown.stdout.split('\n')[0]).toBe('Filters: since 2026-11-01 (UTC).');
  });

  it.each([
    [['daily', '--timezone', 'Mars/Olympus'], /^Error: --timezone: "Mars\/Olympus" is not an IANA time zone/],
    [['daily', '--since', 'last week'], /^Error: --since: "last week" is not a date/],
  ])('refuse %j with one line naming the flag', (args, message) => {
    const result = view(...(args as string[]));
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('add one row per model under each period with --breakdown', () => {
    const out = view('daily', '--timezone', 'UTC', '--breakdown').stdout.split('\n');
    const day = out.findIndex((line) => line.startsWith('2026-11-03'));
    expect(out[day + 1]).toMatch(/^ {2}claude-haiku-4-5 +2 +2,000 +200 /);
    expect(out.some((line) => line.startsWith('TOTAL'))).toBe(true);
  });
});

describe('time views of the example workspace', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = exampleWorkspace();
  });

  it.each([
    ['daily', 80],
    ['daily', 120],
    ['weekly --breakdown', 80],
    ['weekly --breakdown', 120],
  ])('%s fits %i columns (golden)', (command, columns) => {
    const result = rad(['stats', ...command.split(' '), '--timezone', 'UTC'], { cwd: workspace, env: { ...env, COLUMNS: String(columns) } });
    expect(result.status, result.stderr).toBe(0);
    for (const line of result.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
    expectGolden(`example-${command.replace(' --', '-')}-${columns}`, result.stdout);
  });
});
