import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectingWarnings, tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, radOk } from '../helpers/rad.js';
import { CHDB_INSTALL, CHDB_PATH, CHDB_REQUIRED, ChdbWarehouse } from '../helpers/chdb.js';
import { openWorkspaceHost } from '../../src/host/open-host.js';
import { pushSessions, type PushResult } from '../../src/warehouse/push.js';
import { resolveTarget } from '../../src/warehouse/settings.js';
import { sqlString } from '../../src/warehouse/sql.js';
import { HOSTILE_DEVELOPER, HOSTILE_MODEL, HOSTILE_MODEL_2, HOSTILE_PROJECT_PART, expectWarehouseMatchesLocal, writeSession, type ModelRow } from '../helpers/warehouse-sessions.js';
import { WarehouseError } from '../../src/warehouse/errors.js';

const skip = !CHDB_PATH && !CHDB_REQUIRED;
if (skip) console.warn(`The warehouse tests on current ClickHouse (chdb) are skipped: RADIUM_CHDB_PATH is not set; ${CHDB_INSTALL}.`);

describe.skipIf(skip)(`the warehouse schema, push and queries on current ClickHouse (chdb)${skip ? ` (skipped: ${CHDB_INSTALL})` : ''}`, () => {
  let warehouse: ChdbWarehouse;
  let cwd: string;
  let env: NodeJS.ProcessEnv;

  /** `rad stats push`'s own code (schema, batches, rows) with the chdb executor in place of the HTTP client. */
  async function push(): Promise<PushResult> {
    const host = await openWorkspaceHost({ workspace: cwd, env, warnings: collectingWarnings() });
    const store = await host.catalog.store();
    try {
      return await pushSessions(store, warehouse, { warn: () => {}, batch: 2 });
    } finally {
      store.close();
    }
  }

  /** Per model, the warehouse's sums (read through FINAL) next to `rad stats model --json`. */
  async function expectSumsMatchLocal(): Promise<void> {
    const local = (JSON.parse(radOk(['stats', 'model', '--json'], { cwd, env }).stdout) as { models: ModelRow[] }).models;
    await expectWarehouseMatchesLocal(local, (sql) => warehouse.rows(sql));
  }

  beforeAll(async () => {
    cwd = await tempWorkspace();
    writeSession(cwd, 'ch-s1', { project: cwd, tool: "Ba'sh" }, [
      { model: 'claude-opus-4-1', input: 1_000, output: 200 },
      { model: HOSTILE_MODEL, input: 3_000, output: 50 },
    ]);
    writeSession(cwd, 'ch-s2', { project: path.join(cwd, HOSTILE_PROJECT_PART), tool: "Ba'sh" }, [{ model: HOSTILE_MODEL_2, input: 7, output: 9 }]);
    writeSession(cwd, 'ch-s3', { project: cwd, tool: "Ba'sh" }, [{ model: 'claude-haiku-4-5', input: 123_456, output: 7_890 }]);
    env = { ...freshCliHome(), TZ: 'UTC' };
    const target = await resolveTarget({ url: 'http://embedded-chdb:8123', team: "core'team", developer: HOSTILE_DEVELOPER, machine: 'box\\1' }, {}, async () => undefined);
    warehouse = await ChdbWarehouse.open(target);
  });

  afterAll(async () => {
    await warehouse?.close();
  });

  it('runs on ClickHouse 24 or later', async () => {
    expect(Number((await warehouse.version()).split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('creates the database, the versioned schema and a table per fact table, and pushes sums equal to rad stats model --json', async () => {
    const result = await push();
    expect(result).toMatchObject({ sessions: 3, database: 'radium', developer: HOSTILE_DEVELOPER });
    const tables = (await warehouse.rows<{ name: string }>("SELECT name FROM system.tables WHERE database = 'radium' ORDER BY name")).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['schema_version', 'sessions', 'facts_tokens_usage', 'facts_tools_tool_calls']));
    expect(await warehouse.rows('SELECT max(version) AS v FROM radium.schema_version')).toEqual([{ v: 1 }]);
    expect(await warehouse.rows("SELECT engine FROM system.tables WHERE database = 'radium' AND name = 'facts_tokens_usage'")).toEqual([{ engine: 'ReplacingMergeTree' }]);
    await expectSumsMatchLocal();
  });

  it('round-trips hostile names exactly: models, projects, developer, team, machine', async () => {
    const models = (await warehouse.rows<{ model: string }>('SELECT DISTINCT model FROM radium.facts_tokens_usage FINAL ORDER BY model')).map((r) => r.model);
    expect(models).toEqual(expect.arrayContaining([HOSTILE_MODEL, HOSTILE_MODEL_2]));
    const sessions = await warehouse.rows<{ session_id: string; project: string; developer: string; team: string; machine: string }>(
      `SELECT session_id, project, developer, team, machine FROM radium.sessions FINAL WHERE developer = ${sqlString(HOSTILE_DEVELOPER)} ORDER BY session_id`,
    );
    expect(sessions.map((s) => s.session_id)).toEqual(['ch-s1', 'ch-s2', 'ch-s3']);
    expect(sessions[1]!.project).toBe(path.join(cwd, HOSTILE_PROJECT_PART));
    expect(sessions[0]).toMatchObject({ developer: HOSTILE_DEVELOPER, team: "core'team", machine: 'box\\1' });
    expect(await warehouse.rows(`SELECT DISTINCT tool FROM radium.facts_tools_tool_calls FINAL WHERE tool = ${sqlString("Ba'sh")}`)).toHaveLength(1);
  });

  it('sends nothing on a repeated push, and the schema already there is kept as it is', async () => {
    const before = await warehouse.rows('SELECT count() AS n FROM radium.facts_tokens_usage');
    expect(await push()).toMatchObject({ sessions: 0 });
    expect(await warehouse.rows('SELECT count() AS n FROM radium.facts_tokens_usage')).toEqual(before);
    expect(await warehouse.rows('SELECT count() AS n FROM radium.schema_version')).toEqual([{ n: 1 }]);
    await expectSumsMatchLocal();
  });

  it('counts nothing twice when every session is sent again (the local store deleted)', async () => {
    writeSession(cwd, 'ch-s4', { project: cwd, tool: "Ba'sh" }, [{ model: 'claude-opus-4-1', input: 50, output: 5 }]);
    for (const name of ['stats.db', 'stats.db-wal', 'stats.db-shm']) rmSync(path.join(cwd, '.radium', '_internals', name), { force: true });
    expect(await push()).toMatchObject({ sessions: 4 });
    expect(await warehouse.rows('SELECT count() AS n FROM radium.sessions FINAL')).toEqual([{ n: 4 }]);
    await expectSumsMatchLocal();
  });

  it('counts a re-priced session once: its rows under the old price data are deleted', async () => {
    writeSession(cwd, 'ch-s5', { project: cwd }, [{ model: 'acme-coder-1', input: 1_000, output: 100 }]);
    expect(await push()).toMatchObject({ sessions: 1 });
    // A price for it: the session is re-priced, and its usage row changes key (price data and unpriced reason are dimensions).
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ prices: { overrides: { 'acme-coder-1': { input: 1, output: 2 } } } }));
    expect(await push()).toMatchObject({ sessions: 1 });
    expect(await warehouse.rows("SELECT count() AS n FROM radium.facts_tokens_usage WHERE session_id = 'ch-s5'")).toEqual([{ n: 1 }]);
    await expectSumsMatchLocal();
  });

  it("names a failing statement by current ClickHouse's error code in one line", async () => {
    const error = await warehouse.rows('SELECT 1 FROM radium.no_such_table').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as Error).message).toMatch(/^The warehouse http:\/\/embedded-chdb:8123 \(database radium\) failed \(ClickHouse code 60\): .*no_such_table.*: see the ClickHouse server log\.$/);
    expect((error as Error).message).not.toContain('\n');
  });
});
