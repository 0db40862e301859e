import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad, radOk, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';
import { HOSTILE_DEVELOPER, writeSession } from '../helpers/warehouse-sessions.js';
import {
  CLICKHOUSE_PASSWORD,
  CLICKHOUSE_REQUIRED,
  CLICKHOUSE_USER,
  TEST_CLICKHOUSE,
  TEST_CLICKHOUSE_HOWTO,
  clickhouseCommand,
  clickhouseRows,
  sharedClickHouse,
  type SharedClickHouse,
} from '../helpers/clickhouse.js';

/** A model name that breaks SQL or a terminal built by pasting. */
const HOSTILE_MODEL = "opus'); DROP TABLE radium.sessions; --\u001b[31m";

interface ModelRow {
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  costUsd: number;
}

/** Per model: requests, tokens and cost in nano-USD (exact integers), summed over views. */
function perModel(...views: { models: ModelRow[] }[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const view of views) {
    for (const m of view.models) {
      const sums = (out[m.model] ??= [0, 0, 0, 0, 0]);
      [m.requests, m.inputTokens, m.outputTokens, m.cacheReadTokens, Math.round(m.costUsd * 1e9)].forEach((n, i) => (sums[i]! += n));
    }
  }
  return out;
}

/** Adds file.edit events (lines added, removed; one file each) to a journal written by writeSession, before its end. */
function withFileEdits(root: string, id: string, edits: [number, number][]): void {
  const file = path.join(root, '.radium', '_internals', 'sessions', `${id}.events.jsonl`);
  const events = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; ts: string });
  const end = events.findIndex((e) => e.type === 'session.end');
  const at = events[end]!.ts;
  events.splice(end, 0, ...edits.map(([added, removed], i) => ({ type: 'file.edit', ts: at, path: `src/file${i}.ts`, added, removed })));
  writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

const skip = !TEST_CLICKHOUSE && !CLICKHOUSE_REQUIRED;
if (skip) console.warn(`The warehouse view tests are skipped: ${TEST_CLICKHOUSE_HOWTO}.`);

describe.skipIf(skip)(`rad stats views --warehouse on ClickHouse${skip ? ` (skipped: ${TEST_CLICKHOUSE_HOWTO})` : ''}`, () => {
  let server: SharedClickHouse;
  let alice: string;
  let bob: string;
  let env: NodeJS.ProcessEnv;
  const json = <T>(cwd: string, args: string[]): T => JSON.parse(radOk(['stats', ...args, '--json'], { cwd, env }).stdout) as T;
  const noCredentials = (result: RadResult) => {
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(CLICKHOUSE_PASSWORD);
      expect(text).not.toContain(encodeURIComponent(CLICKHOUSE_PASSWORD));
    }
  };

  beforeAll(async () => {
    server = sharedClickHouse(import.meta.filename);
    alice = await tempWorkspace();
    bob = await tempWorkspace();
    writeSession(alice, 'a-1', { agent: 'claude', hoursAgo: 50 }, [
      { model: 'claude-opus-4-1', input: 1_000, output: 200 },
      { model: HOSTILE_MODEL, input: 3_000, output: 50 },
    ]);
    writeSession(alice, 'a-2', { agent: 'codex', hoursAgo: 2 }, [{ model: 'claude-haiku-4-5', input: 123_456, output: 7_890 }]);
    writeSession(bob, 'b-1', { agent: 'claude', hoursAgo: 3 }, [
      { model: 'claude-opus-4-1', input: 77, output: 9 },
      { model: 'claude-haiku-4-5', input: 5, output: 5 },
    ]);
    writeSession(bob, 'b-2', { agent: 'claude', hoursAgo: 30 }, [{ model: 'claude-opus-4-1', input: 999_999, output: 12_345 }]);
    writeFileSync(path.join(alice, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: HOSTILE_DEVELOPER, machine: 'laptop-a', database: server.database } }));
    writeFileSync(path.join(bob, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: 'bob@example.com', machine: 'desk-b', database: server.database } }));
    env = { ...freshCliHome(), TZ: 'UTC', RADIUM_WAREHOUSE_URL: `http://${CLICKHOUSE_USER}:${encodeURIComponent(CLICKHOUSE_PASSWORD)}@127.0.0.1:${server.port}` };
    radOk(['stats', 'push'], { cwd: alice, env });
    radOk(['stats', 'push'], { cwd: bob, env });
    // A second push of everything (the local record deleted) must count nothing twice.
    for (const name of ['stats.db', 'stats.db-wal', 'stats.db-shm']) rmSync(path.join(bob, '.radium', '_internals', name), { force: true });
    radOk(['stats', 'push'], { cwd: bob, env });
  });

  afterAll(async () => {
    await server?.drop();
  });

  it('model --warehouse --json is the sum of every developer’s local model view, tokens and cost exact', () => {
    const team = json<{ models: ModelRow[]; scope: { sessions: number } }>(alice, ['model', '--warehouse']);
    const local = [json<{ models: ModelRow[] }>(alice, ['model']), json<{ models: ModelRow[] }>(bob, ['model'])];
    expect(perModel(team)).toEqual(perModel(...local));
    expect(team.scope.sessions).toBe(4);
  });

  it('--developer and --machine give that developer’s local view exactly (JSON equal)', () => {
    expect(json(bob, ['model', '--warehouse', '--developer', HOSTILE_DEVELOPER])).toEqual(json(alice, ['model']));
    expect(json(alice, ['engine', '--warehouse', '--machine', 'desk-b'])).toEqual(json(bob, ['engine']));
  });

  it('--by developer gives one group per developer, each equal to their local view, grouped in ClickHouse', () => {
    const { groups } = json<{ groups: ({ by: string; value: string } & Record<string, unknown>)[] }>(alice, ['model', '--warehouse', '--by', 'developer']);
    expect(groups.map((g) => [g.by, g.value])).toEqual([
      ['developer', 'bob@example.com'],
      ['developer', HOSTILE_DEVELOPER],
    ]);
    const { by: _b, value: _v, ...bobView } = groups[0]!;
    const { by: _b2, value: _v2, ...aliceView } = groups[1]!;
    expect(bobView).toEqual(json(bob, ['model']));
    expect(aliceView).toEqual(json(alice, ['model']));
  });

  it('--by output validates against schema/team-groups.schema.json for the usage and time views', () => {
    for (const view of ['model', 'engine', 'daily']) {
      const out = jsonOutput<{ groups: unknown[] }>(radOk(['stats', view, '--warehouse', '--by', 'project', '--json'], { cwd: alice, env }).stdout, 'team-groups.schema.json');
      expect(out.groups).toHaveLength(2);
    }
  });

  it('the usual filters apply to the warehouse as to each local store', () => {
    const team = json<{ models: ModelRow[] }>(alice, ['model', '--warehouse', '--agent', 'claude', '--model', 'claude-opus-4-1']);
    const local = [alice, bob].map((cwd) => json<{ models: ModelRow[] }>(cwd, ['model', '--agent', 'claude', '--model', 'claude-opus-4-1']));
    expect(perModel(team)).toEqual(perModel(...local));
    const since = new Date(Date.now() - 24 * 3_600_000).toISOString();
    expect(json(alice, ['daily', '--warehouse', '--developer', 'bob@example.com', '--since', since])).toEqual(json(bob, ['daily', '--since', since]));
  });

  it('--by agent splits sessions by agent', () => {
    const { groups } = json<{ groups: { value: string; scope: { sessions: number } }[] }>(alice, ['model', '--warehouse', '--by', 'agent']);
    expect(groups.map((g) => [g.value, g.scope.sessions])).toEqual([
      ['claude', 3],
      ['codex', 1],
    ]);
  });

  it('daily --warehouse for one developer equals their local daily view; for everyone its total sums both', () => {
    expect(json(alice, ['daily', '--warehouse', '--developer', 'bob@example.com'])).toEqual(json(bob, ['daily']));
    const team = json<{ total: { requests: number; inputTokens: number; sessions: number } }>(alice, ['monthly', '--warehouse']);
    const local = [json<typeof team>(alice, ['monthly']), json<typeof team>(bob, ['monthly'])];
    expect(team.total.sessions).toBe(4);
    expect(team.total.requests).toBe(local[0]!.total.requests + local[1]!.total.requests);
    expect(team.total.inputTokens).toBe(local[0]!.total.inputTokens + local[1]!.total.inputTokens);
    const grouped = json<{ groups: { value: string; periods: unknown[] }[] }>(alice, ['weekly', '--warehouse', '--by', 'developer']);
    expect(grouped.groups.map((g) => g.value)).toEqual(['bob@example.com', HOSTILE_DEVELOPER]);
  });

  it('history --warehouse lists everyone’s sessions newest first; for one developer its JSON equals their local history', () => {
    const team = jsonOutput<{ total: number; sessions: { sessionId: string }[] }>(radOk(['stats', 'history', '--warehouse', '--json'], { cwd: alice, env }).stdout, 'history.schema.json');
    expect(team.total).toBe(4);
    expect(team.sessions.map((s) => s.sessionId)).toEqual(['a-2', 'b-1', 'b-2', 'a-1']);
    // Every section, git's too: one session's git section has no merged block, as its report's has none.
    expect(json(alice, ['history', '--warehouse', '--developer', 'bob@example.com'])).toEqual(json(bob, ['history']));
    const page = json<{ total: number; sessions: { sessionId: string }[] }>(alice, ['history', '--warehouse', '--limit', '2', '--offset', '1']);
    expect([page.total, page.sessions.map((s) => s.sessionId)]).toEqual([4, ['b-1', 'b-2']]);
    const text = radOk(['stats', 'history', '--warehouse'], { cwd: bob, env }).stdout;
    expect(text).toContain('a-1');
    expect(text).toContain('Sessions 1-4 of 4.');
  });

  it('history --warehouse for one developer reads as their local history: ids shortened alike in text, git sections alike in JSON', async () => {
    const erin = await tempWorkspace();
    // A database of its own, so the other tests' session counts hold.
    const database = `${server.database}_history`;
    writeFileSync(path.join(erin, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: 'erin@example.com', machine: 'pc-e', database } }));
    // Ids sharing their first 8 characters and more, so the local view shows longer starts of them.
    const ids = ['e1e1e1e1-aaaa-4000-8000-000000000001', 'e1e1e1e1-aaaa-4000-8000-000000000002', 'e1e1e1e1-bbbb-4000-8000-000000000003', '0f0f0f0f-cccc-4000-8000-000000000004'];
    ids.forEach((id, i) => writeSession(erin, id, { hoursAgo: 10 - i }, [{ model: 'claude-opus-4-1', input: 100 + i, output: 10 }]));
    // Two of them changed files (file.edit events): their git sections have counts and a source.
    for (const id of ids.slice(1, 3)) withFileEdits(erin, id, [[12, 3], [4, 0]]);
    try {
      radOk(['stats', 'push'], { cwd: erin, env });
      const local = radOk(['stats', 'history'], { cwd: erin, env }).stdout;
      // Whole where two ids differ only at the end, 10 characters where 9 are shared, else 8.
      expect([ids[0], 'e1e1e1e1-b ', '0f0f0f0f '].map((id) => local.includes(id!))).toEqual([true, true, true]);
      expect(local).not.toContain('0f0f0f0f-');
      expect(radOk(['stats', 'history', '--warehouse'], { cwd: erin, env }).stdout).toBe(local);
      expect(radOk(['stats', 'history', '--warehouse', '--developer', 'erin@example.com'], { cwd: erin, env }).stdout).toBe(`Filters: developer "erin@example.com".\n\n${local}`);
      const team = json<{ sessions: { sections: { git: Record<string, unknown> } }[] }>(erin, ['history', '--warehouse', '--developer', 'erin@example.com']);
      expect(team.sessions.map((s) => [s.sections.git['source'], s.sections.git['gitUnavailableReason']])).toEqual([
        [null, undefined],
        ['file.edit events', 'no git snapshot was taken when the session started'],
        ['file.edit events', 'no git snapshot was taken when the session started'],
        [null, undefined],
      ]);
      expect(team).toEqual(json(erin, ['history']));
    } finally {
      await clickhouseRows(server.url, `DROP DATABASE IF EXISTS ${database}`);
    }
  });

  it('opens no local store and imports nothing: a workspace without sessions answers for the team', async () => {
    const carol = await tempWorkspace();
    writeFileSync(path.join(carol, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { database: server.database } }));
    const team = json<{ scope: { sessions: number } }>(carol, ['monthly', '--warehouse']);
    expect(team).toEqual(json(alice, ['monthly', '--warehouse']));
    expect(existsSync(path.join(carol, '.radium', '_internals', 'stats.db'))).toBe(false);
  });

  it('prints hostile names safely and never a credential', () => {
    const result = rad(['stats', 'model', '--warehouse', '--by', 'developer'], { cwd: bob, env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('\u001b[31m');
    expect(result.stdout).toContain("o'brien\\dev@example.com");
    noCredentials(result);
  });

  it('says how to configure a warehouse when none is, in one line', () => {
    const result = rad(['stats', 'model', '--warehouse'], { cwd: alice, env: { ...env, RADIUM_WAREHOUSE_URL: '' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toBe('Error: No warehouse configured: set `warehouse.url` in .radium/stats.config.json or ~/.config/radium/stats.config.json, or RADIUM_WAREHOUSE_URL.');
  });

  it('names the developer without sessions in one line, without a credential', () => {
    const result = rad(['stats', 'daily', '--warehouse', '--developer', 'nobody'], { cwd: alice, env });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^Error: The warehouse http://127\\.0\\.0\\.1:\\d+ \\(database ${server.database}\\) has no sessions of developer "nobody": push some`));
    noCredentials(result);
  });

  it('counts a session changed and pushed again once, whether its rows were merged yet or not', async () => {
    const dana = await tempWorkspace();
    writeFileSync(path.join(dana, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: 'dana@example.com', machine: 'pc-d', database: server.database } }));
    // 40 days ago: a month partition of its own, while the others' stays merged.
    const startMs = Date.now() - 40 * 24 * 3_600_000;
    // Pushed before it ended, then again once it has: the second push sends it changed.
    writeSession(dana, 'd-1', { startMs, ended: false }, [{ model: 'claude-opus-4-1', input: 10, output: 1 }]);
    radOk(['stats', 'push'], { cwd: dana, env });
    writeSession(dana, 'd-1', { startMs }, [
      { model: 'claude-opus-4-1', input: 10, output: 1 },
      { model: 'claude-opus-4-1', input: 500, output: 7 },
      { model: 'claude-haiku-4-5', input: 20, output: 2 },
    ]);
    expect(JSON.parse(radOk(['stats', 'push', '--json'], { cwd: dana, env }).stdout).sessions).toBe(1);
    const team = () => json(bob, ['model', '--warehouse', '--developer', 'dana@example.com']);
    expect(team()).toEqual(json(dana, ['model']));
    // Her rows sent once more and not merged yet, as a push that stopped before merging leaves them
    // (merges stopped, so that the server does not merge them before the view reads them).
    const db = server.database;
    const tables = ['sessions', 'facts_tokens_usage', 'facts_tokens_sessions'];
    try {
      for (const table of tables) {
        await clickhouseCommand(server.url, `SYSTEM STOP MERGES ${db}.${table}`);
        await clickhouseCommand(server.url, `INSERT INTO ${db}.${table} SELECT * FROM ${db}.${table} WHERE developer = 'dana@example.com'`);
      }
      const split = await clickhouseRows<{ n: number }>(server.url, `SELECT count() AS n FROM system.parts WHERE database = '${db}' AND table = 'facts_tokens_usage' AND active GROUP BY partition_id ORDER BY n DESC LIMIT 1`);
      expect(split[0]!.n).toBeGreaterThan(1);
      expect(team()).toEqual(json(dana, ['model']));
      const everyone = json<{ models: ModelRow[]; scope: { sessions: number } }>(bob, ['model', '--warehouse']);
      expect(perModel(everyone)).toEqual(perModel(...[alice, bob, dana].map((cwd) => json<{ models: ModelRow[] }>(cwd, ['model']))));
      expect(everyone.scope.sessions).toBe(5);
      expect(json<{ scope: { sessions: number } }>(bob, ['model', '--warehouse', '--developer', 'dana@example.com']).scope.sessions).toBe(1);
    } finally {
      for (const table of tables) await clickhouseCommand(server.url, `SYSTEM START MERGES ${db}.${table}`);
    }
  });
});
