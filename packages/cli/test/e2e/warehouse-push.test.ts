import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, rad, radOk, type RadResult } from '../helpers/rad.js';
import {
  CLICKHOUSE_INSTALL,
  CLICKHOUSE_MISSING,
  CLICKHOUSE_PASSWORD,
  CLICKHOUSE_REQUIRED,
  CLICKHOUSE_SERVER,
  CLICKHOUSE_USER,
  clickhouseRows,
  startClickHouse,
  type ClickHouseServer,
} from '../helpers/clickhouse.js';
import { sqlString } from '../../src/warehouse/sql.js';
import { HOSTILE_DEVELOPER, HOSTILE_MODEL, HOSTILE_MODEL_2, HOSTILE_PROJECT_PART, expectWarehouseMatchesLocal, writeSession, type ModelRow } from '../helpers/warehouse-sessions.js';

const skip = CLICKHOUSE_MISSING && !CLICKHOUSE_REQUIRED;
if (skip) console.warn(`The warehouse push tests are skipped: ${CLICKHOUSE_SERVER} is missing; ${CLICKHOUSE_INSTALL}.`);

describe.skipIf(skip)(`rad stats push to ClickHouse${skip ? ` (skipped: ${CLICKHOUSE_INSTALL})` : ''}`, () => {
  let server: ClickHouseServer;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  const push = (...args: string[]): RadResult => rad(['stats', 'push', ...args], { cwd, env });
  const pushJson = () => JSON.parse(radOk(['stats', 'push', '--json'], { cwd, env }).stdout) as { sessions: number; rows: Record<string, number> };
  const rows = <T>(sql: string) => clickhouseRows<T>(server.url, sql);
  const noCredentials = (result: RadResult) => {
    for (const text of [result.stdout, result.stderr]) {
      expect(text).not.toContain(CLICKHOUSE_PASSWORD);
      expect(text).not.toContain(encodeURIComponent(CLICKHOUSE_PASSWORD));
    }
  };

  /** Per model, the warehouse's sums (read through FINAL) next to `rad stats model --json`. */
  async function expectSumsMatchLocal(): Promise<void> {
    const local = (JSON.parse(radOk(['stats', 'model', '--json'], { cwd, env }).stdout) as { models: ModelRow[] }).models;
    await expectWarehouseMatchesLocal(local, (sql) => rows(sql));
  }

  beforeAll(async () => {
    if (CLICKHOUSE_MISSING) throw new Error(`RADIUM_REQUIRE_CLICKHOUSE=1 but ${CLICKHOUSE_SERVER} is missing: ${CLICKHOUSE_INSTALL}.`);
    server = await startClickHouse();
    cwd = await tempWorkspace();
    writeSession(cwd, 'wh-s1', { project: cwd, tool: "Ba'sh" }, [
      { model: 'claude-opus-4-1', input: 1_000, output: 200 },
      { model: HOSTILE_MODEL, input: 3_000, output: 50 },
    ]);
    writeSession(cwd, 'wh-s2', { project: path.join(cwd, HOSTILE_PROJECT_PART), tool: "Ba'sh" }, [{ model: HOSTILE_MODEL_2, input: 7, output: 9 }]);
    writeSession(cwd, 'wh-s3', { project: cwd, tool: "Ba'sh" }, [{ model: 'claude-haiku-4-5', input: 123_456, output: 7_890 }]);
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: "core'team", developer: HOSTILE_DEVELOPER, machine: 'box\\1' } }));
    env = {
      ...freshCliHome(),
      TZ: 'UTC',
      RADIUM_WAREHOUSE_URL: `http://${CLICKHOUSE_USER}:${encodeURIComponent(CLICKHOUSE_PASSWORD)}@127.0.0.1:${server.port}`,
    };
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('creates the database, the versioned schema and a table per fact table, and pushes sums equal to rad stats model --json', async () => {
    const result = push();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Pushed 3 sessions \(\d+ rows\) to http:\/\/127\.0\.0\.1:\d+ \(database radium\) as /);
    noCredentials(result);
    const tables = (await rows<{ name: string }>("SELECT name FROM system.tables WHERE database = 'radium' ORDER BY name")).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['schema_version', 'sessions', 'facts_tokens_usage', 'facts_tools_tool_calls']));
    expect(await rows('SELECT max(version) AS v FROM radium.schema_version')).toEqual([{ v: 1 }]);
    expect(await rows("SELECT engine FROM system.tables WHERE database = 'radium' AND name = 'facts_tokens_usage'")).toEqual([{ engine: 'ReplacingMergeTree' }]);
    await expectSumsMatchLocal();
  });

  it('round-trips hostile names exactly: models, projects, developer, team, machine', async () => {
    const models = (await rows<{ model: string }>('SELECT DISTINCT model FROM radium.facts_tokens_usage FINAL ORDER BY model')).map((r) => r.model);
    expect(models).toEqual(expect.arrayContaining([HOSTILE_MODEL, HOSTILE_MODEL_2]));
    const sessions = await rows<{ session_id: string; project: string; developer: string; team: string; machine: string }>(
      `SELECT session_id, project, developer, team, machine FROM radium.sessions FINAL WHERE developer = ${sqlString(HOSTILE_DEVELOPER)} ORDER BY session_id`,
    );
    expect(sessions.map((s) => s.session_id)).toEqual(['wh-s1', 'wh-s2', 'wh-s3']);
    expect(sessions[1]!.project).toBe(path.join(cwd, HOSTILE_PROJECT_PART));
    expect(sessions[0]).toMatchObject({ developer: HOSTILE_DEVELOPER, team: "core'team", machine: 'box\\1' });
    const tools = await rows<{ tool: string }>(`SELECT DISTINCT tool FROM radium.facts_tools_tool_calls FINAL WHERE tool = ${sqlString("Ba'sh")}`);
    expect(tools).toHaveLength(1);
  });

  it('sends nothing on a repeated push: row counts and sums stay the same', async () => {
    const before = await rows('SELECT count() AS n FROM radium.facts_tokens_usage');
    expect(pushJson()).toMatchObject({ sessions: 0 });
    const again = push();
    expect(again.stdout).toMatch(/^Nothing new to push to /);
    expect(await rows('SELECT count() AS n FROM radium.facts_tokens_usage')).toEqual(before);
    expect(await rows('SELECT count() AS n FROM radium.sessions FINAL')).toEqual([{ n: 3 }]);
    await expectSumsMatchLocal();
  });

  it('fails with one line and no credentials while the server is down, leaves the local record alone, and the next push completes it', async () => {
    writeSession(cwd, 'wh-s4', { project: cwd, tool: "Ba'sh" }, [{ model: 'claude-opus-4-1', input: 50, output: 5 }]);
    await server.stop();
    try {
      const failed = push();
      expect(failed.status).not.toBe(0);
      noCredentials(failed);
      const lines = failed.stderr.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Error: The warehouse http:\/\/127\.0\.0\.1:\d+ \(database radium\) failed: ECONNREFUSED: .*push again/);
    } finally {
      await server.start();
    }
    // Only the session the failed push could not send is sent now: the local store kept the rest as pushed and recorded nothing more.
    expect(pushJson()).toMatchObject({ sessions: 1 });
    expect(await rows('SELECT count() AS n FROM radium.sessions FINAL')).toEqual([{ n: 4 }]);
    await expectSumsMatchLocal();
  });

  it('counts nothing twice when every session is sent again (the local store deleted)', async () => {
    for (const name of ['stats.db', 'stats.db-wal', 'stats.db-shm']) rmSync(path.join(cwd, '.radium', '_internals', name), { force: true });
    expect(pushJson()).toMatchObject({ sessions: 4 });
    expect(await rows('SELECT count() AS n FROM radium.sessions FINAL')).toEqual([{ n: 4 }]);
    await expectSumsMatchLocal();
  });

  it('names a wrong password by its ClickHouse code without printing any password', () => {
    const result = rad(['stats', 'push'], { cwd, env: { ...env, RADIUM_WAREHOUSE_PASSWORD: `${CLICKHOUSE_PASSWORD}-wrong` } });
    expect(result.status).not.toBe(0);
    noCredentials(result);
    expect(result.stderr).not.toContain('-wrong');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/ClickHouse code (193|516)\).*check the password/);
  });

  it('says how to configure a warehouse when none is', () => {
    const result = rad(['stats', 'push'], { cwd, env: { ...env, RADIUM_WAREHOUSE_URL: '' } });
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim()).toBe('Error: No warehouse configured: set `warehouse.url` in .radium/stats.config.json or ~/.config/radium/stats.config.json, or RADIUM_WAREHOUSE_URL.');
  });
});
