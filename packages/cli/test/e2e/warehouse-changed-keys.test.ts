import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempWorkspace } from '@radium-stats/core/testing';
import { freshCliHome, radOk } from '../helpers/rad.js';
import { writeSession } from '../helpers/warehouse-sessions.js';
import { CLICKHOUSE_PASSWORD, CLICKHOUSE_REQUIRED, CLICKHOUSE_USER, TEST_CLICKHOUSE, TEST_CLICKHOUSE_HOWTO, clickhouseRows, sharedClickHouse, type SharedClickHouse } from '../helpers/clickhouse.js';

/** A model no price data knows: unpriced until the config gives it a price. */
const UNPRICED_MODEL = 'acme-coder-1';

const skip = !TEST_CLICKHOUSE && !CLICKHOUSE_REQUIRED;
if (skip) console.warn(`The changed-keys push tests are skipped: ${TEST_CLICKHOUSE_HOWTO}.`);

describe.skipIf(skip)(`rad stats push of sessions whose rows changed keys${skip ? ` (skipped: ${TEST_CLICKHOUSE_HOWTO})` : ''}`, () => {
  let server: SharedClickHouse;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  const json = <T>(args: string[]): T => JSON.parse(radOk(['stats', ...args, '--json'], { cwd, env }).stdout) as T;
  const config = (extra: object) =>
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'core', developer: 'keys@example.com', machine: 'box', database: server.database }, ...extra }));

  beforeAll(async () => {
    server = sharedClickHouse(import.meta.filename);
    cwd = await tempWorkspace();
    env = { ...freshCliHome(), TZ: 'UTC', RADIUM_WAREHOUSE_URL: `http://${CLICKHOUSE_USER}:${encodeURIComponent(CLICKHOUSE_PASSWORD)}@127.0.0.1:${server.port}` };
  });

  afterAll(async () => {
    await server?.drop();
  });

  it('counts a re-priced session once: the rows under its old price data are gone from the warehouse', async () => {
    config({});
    writeSession(cwd, 'k-1', { hoursAgo: 5 }, [
      { model: UNPRICED_MODEL, input: 1_000, output: 100 },
      { model: 'claude-opus-4-1', input: 50, output: 5 },
    ]);
    writeSession(cwd, 'k-2', { hoursAgo: 4 }, [{ model: 'claude-haiku-4-5', input: 70, output: 7 }]);
    radOk(['stats', 'push'], { cwd, env });
    // A price for the unpriced model: the session is re-priced, and its usage rows change keys
    // (price data and unpriced reason are dimensions).
    config({ prices: { overrides: { [UNPRICED_MODEL]: { input: 1, output: 2 } } } });
    expect(JSON.parse(radOk(['stats', 'push', '--json'], { cwd, env }).stdout)).toMatchObject({ sessions: 1 });
    for (const view of ['model', 'engine', 'daily']) expect(json([view, '--warehouse', '--developer', 'keys@example.com'])).toEqual(json([view]));
    const held = await clickhouseRows<{ n: number }>(server.url, `SELECT count() AS n FROM ${server.database}.facts_tokens_usage WHERE session_id = 'k-1'`);
    expect(held).toEqual([{ n: 2 }]);
    // Nothing more to send, nothing more to delete.
    expect(JSON.parse(radOk(['stats', 'push', '--json'], { cwd, env }).stdout)).toMatchObject({ sessions: 0 });
  });
});
