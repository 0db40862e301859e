import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { tempDir } from '@radium-stats/core/testing';
import { CLICKHOUSE_PASSWORD, CLICKHOUSE_SERVER, CLICKHOUSE_USER, freePort, waitForPing, writeClickHouseConfig } from './clickhouse-config.mjs';

export { CLICKHOUSE_PASSWORD, CLICKHOUSE_SERVER, CLICKHOUSE_USER };

/** Set by CI (`RADIUM_REQUIRE_CLICKHOUSE=1` or `CI`): a missing server fails the tests that need it instead of skipping them. */
export const CLICKHOUSE_REQUIRED = process.env['RADIUM_REQUIRE_CLICKHOUSE'] === '1' || Boolean(process.env['CI']);
/** The running server the tests share (`.ci/run` starts it and sets this), e.g. `http://127.0.0.1:8123`. */
export const TEST_CLICKHOUSE = process.env['RADIUM_TEST_CLICKHOUSE'] || undefined;
/** How to provide the shared server, for skip and failure messages. */
export const TEST_CLICKHOUSE_HOWTO =
  'RADIUM_TEST_CLICKHOUSE is unset: start a server with `node .ci/clickhouse.mjs start <dir>` (it prints the URL; `stop <dir>` stops it) and set RADIUM_TEST_CLICKHOUSE to that URL';
/** True when the server binary is not installed here. */
export const CLICKHOUSE_MISSING = !existsSync(CLICKHOUSE_SERVER);
/** How to get it, for skip and failure messages. */
export const CLICKHOUSE_INSTALL = 'install ClickHouse (Debian/Ubuntu: `sudo apt-get install -y clickhouse-server clickhouse-client`) to run them';

/** A ClickHouse server of the test run: on 127.0.0.1, its data, logs and config in a temp folder. */
export interface ClickHouseServer {
  /** HTTP endpoint, without credentials. */
  url: string;
  port: number;
  /** Stops the server (keeping its data folder, so `start` brings the same data back). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
}


/**
 * Starts Debian's clickhouse-server as a child process on free ports of 127.0.0.1, with its config,
 * data and logs in a temp folder (removed with the run's temp root), and waits for `/ping`.
 */
export async function startClickHouse(): Promise<ClickHouseServer> {
  const dir = tempDir('rad-clickhouse-');
  const port = await freePort();
  const config = writeClickHouseConfig(dir, port, await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const running = spawn(CLICKHOUSE_SERVER, [`--config-file=${config}`], { cwd: dir, stdio: 'ignore' });
    child = running;
    await waitForPing(url, () => running.exitCode);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return { url, port, stop, start };
}

/** Runs one query as the default user through the official client and returns its rows (64-bit integers as numbers). */
export async function clickhouseRows<T = Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = createClient({ url, log: { level: ClickHouseLogLevel.OFF }, clickhouse_settings: { output_format_json_quote_64bit_integers: 0 } });
  try {
    return await (await client.query({ query: sql, format: 'JSONEachRow' })).json<T>();
  } finally {
    await client.close();
  }
}

/** Runs one statement that returns nothing (DDL, INSERT ... SELECT) as the default user through the official client. */
export async function clickhouseCommand(url: string, sql: string): Promise<void> {
  const client = createClient({ url, log: { level: ClickHouseLogLevel.OFF } });
  try {
    await client.command({ query: sql });
  } finally {
    await client.close();
  }
}

/** The shared server, seen by one test file: its own database there, so files can run in parallel. */
export interface SharedClickHouse {
  /** HTTP endpoint, without credentials. */
  url: string;
  port: number;
  /** This file's database (pushes go there through `warehouse.database`). */
  database: string;
  /** Drops this file's database. */
  drop(): Promise<void>;
}

/** The server of RADIUM_TEST_CLICKHOUSE with a database name unique to this test file and process, dropped by `drop`. */
export function sharedClickHouse(file: string): SharedClickHouse {
  if (!TEST_CLICKHOUSE) throw new Error(`RADIUM_REQUIRE_CLICKHOUSE=1 or CI is set but ${TEST_CLICKHOUSE_HOWTO}.`);
  const parsed = new URL(TEST_CLICKHOUSE);
  const url = `${parsed.protocol}//${parsed.host}`;
  const database = `rad_test_${path.basename(file).replace(/\W+/g, '_')}_${process.pid}`;
  return {
    url,
    port: Number(parsed.port),
    database,
    drop: async () => {
      await clickhouseRows(url, `DROP DATABASE IF EXISTS ${database}`);
    },
  };
}
