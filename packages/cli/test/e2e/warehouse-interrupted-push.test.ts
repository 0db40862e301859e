import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { REPO_ROOT, freshCliHome, radAsync, type RadResult } from '../helpers/rad.js';
import { writeSession } from '../helpers/warehouse-sessions.js';
import { startCuttingProxy, type CuttingProxy } from '../helpers/cutting-proxy.js';
import {
  CLICKHOUSE_PASSWORD,
  CLICKHOUSE_REQUIRED,
  CLICKHOUSE_USER,
  TEST_CLICKHOUSE,
  TEST_CLICKHOUSE_HOWTO,
  clickhouseRows,
  sharedClickHouse,
  type SharedClickHouse,
} from '../helpers/clickhouse.js';

/** The part of better-sqlite3 (the store's driver, a dependency of core) used to read what the store recorded. */
type Sqlite = new (file: string, options: { readonly: boolean }) => { prepare(sql: string): { pluck(): { all(): unknown[] } }; close(): void };
const Database = createRequire(path.join(REPO_ROOT, 'packages', 'core', 'package.json'))('better-sqlite3') as Sqlite;

/** Sessions per round of inserts here, so that a few sessions make several rounds. */
const BATCH = 2;

const skip = !TEST_CLICKHOUSE && !CLICKHOUSE_REQUIRED;
if (skip) console.warn(`The interrupted push tests are skipped: ${TEST_CLICKHOUSE_HOWTO}.`);

describe.skipIf(skip)(`rad stats push cut off halfway${skip ? ` (skipped: ${TEST_CLICKHOUSE_HOWTO})` : ''}`, () => {
  let server: SharedClickHouse;
  let proxy: CuttingProxy;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  // Run without blocking: the proxy forwards from this process.
  const radOk = async (args: string[]): Promise<RadResult> => {
    const result = await radAsync(args, { cwd, env });
    if (result.status !== 0) throw new Error(`rad ${args.join(' ')} exited ${result.status}\n${result.stderr}${result.stdout}`);
    return result;
  };
  const pushArgs = ['stats', 'push', '--batch-size', String(BATCH)];
  const pushJson = async () => JSON.parse((await radOk([...pushArgs, '--json'])).stdout) as { sessions: number; rows: Record<string, number> };
  const json = async (args: string[]): Promise<unknown> => JSON.parse((await radOk(['stats', ...args, '--json'])).stdout);
  /** Session ids the warehouse holds a session row of. */
  const warehouseSessions = async () =>
    (await clickhouseRows<{ session_id: string }>(server.url, `SELECT session_id FROM ${server.database}.sessions FINAL ORDER BY session_id`)).map((r) => r.session_id);
  /** Session ids the local store records as pushed. */
  const recordedPushed = (): string[] => {
    const db = new Database(path.join(cwd, '.radium', '_internals', 'stats.db'), { readonly: true });
    try {
      return db.prepare('SELECT session_id FROM warehouse_pushed ORDER BY session_id').pluck().all() as string[];
    } finally {
      db.close();
    }
  };
  const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `cut-${String(from + i).padStart(2, '0')}`);
  const write = (list: string[]) =>
    list.forEach((id) => {
      const n = Number(id.slice(-2));
      writeSession(cwd, id, { hoursAgo: 40 - n, tool: n % 2 ? 'Bash' : 'Edit' }, [{ model: n % 3 ? 'claude-opus-4-1' : 'claude-haiku-4-5', input: 1_000 + n, output: 10 + n }]);
    });

  beforeAll(async () => {
    server = sharedClickHouse(import.meta.filename);
    proxy = await startCuttingProxy(server.port);
    cwd = await tempWorkspace();
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: 'cut@example.com', machine: 'box', database: server.database } }));
    // Every push goes through the proxy, so the warehouse it records pushes under is the same one.
    env = { ...freshCliHome(), TZ: 'UTC', RADIUM_WAREHOUSE_URL: `http://${CLICKHOUSE_USER}:${encodeURIComponent(CLICKHOUSE_PASSWORD)}@127.0.0.1:${proxy.port}` };
  });

  afterAll(async () => {
    await proxy?.close();
    await server?.drop();
  });

  it('exits with one line after some rounds were accepted, records the rounds the warehouse holds, resumes after them, and counts nothing twice', async () => {
    write(ids(1, 3));
    const first = await pushJson();
    expect(first.sessions).toBe(3);
    expect(recordedPushed()).toEqual(ids(1, 3));
    write(ids(4, 11));
    // Each round inserts into every table that has rows (here all of them), the sessions table last:
    // the cut falls inside the third round, after two of its tables.
    const perRound = Object.keys(first.rows).length;
    proxy.cutAt(/[?&]query=INSERT\+INTO\+/, 2 * perRound + 3);
    let failed: RadResult;
    try {
      failed = await radAsync(pushArgs, { cwd, env });
    } finally {
      expect(proxy.seen()).toBe(2 * perRound + 3);
      proxy.heal();
    }
    expect(failed.status).not.toBe(0);
    for (const text of [failed.stdout, failed.stderr]) {
      expect(text).not.toContain(CLICKHOUSE_PASSWORD);
      expect(text).not.toContain(encodeURIComponent(CLICKHOUSE_PASSWORD));
      expect(text).not.toContain(CLICKHOUSE_USER);
    }
    const lines = failed.stderr.split('\n').filter((line) => line !== '');
    expect(lines, failed.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Error: The warehouse http://127\\.0\\.0\\.1:${proxy.port} \\(database ${server.database}\\) failed: .*push again \\(it resumes\\)\\.$`));
    // The two rounds the warehouse accepted are recorded, the cut one is not, and the warehouse holds
    // every session the local store records as pushed.
    const held = await warehouseSessions();
    expect(held.length).toBeGreaterThan(3);
    expect(held.length).toBeLessThan(11);
    // (A round may hold a session sent before whose files changed since, recorded again.)
    const recorded = recordedPushed();
    expect(recorded.length).toBeGreaterThan(3);
    expect(recorded.length).toBeLessThanOrEqual(3 + 2 * BATCH);
    expect(recorded).toEqual(expect.arrayContaining(ids(1, 3)));
    expect(held).toEqual(expect.arrayContaining(recorded));

    // The next push resumes after the rounds recorded.
    const resumed = await pushJson();
    expect(resumed.sessions).toBe(11 - recorded.length);
    expect(recordedPushed()).toEqual(ids(1, 11));
    expect(await warehouseSessions()).toEqual(ids(1, 11));
    for (const view of ['model', 'daily']) expect(await json([view, '--warehouse', '--developer', 'cut@example.com'])).toEqual(await json([view]));
    expect(await pushJson()).toMatchObject({ sessions: 0 });
  });
});
