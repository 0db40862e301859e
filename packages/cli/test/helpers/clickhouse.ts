import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { tempDir } from '@radium-stats/core/testing';

/** Debian's ClickHouse server (18.16), the one CI installs (`.ci/run`). */
export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';
/** Set by CI: a missing server fails the tests that need it instead of skipping them. */
export const CLICKHOUSE_REQUIRED = process.env['RADIUM_REQUIRE_CLICKHOUSE'] === '1';
/** True when the server binary is not installed here. */
export const CLICKHOUSE_MISSING = !existsSync(CLICKHOUSE_SERVER);
/** How to get it, for skip and failure messages. */
export const CLICKHOUSE_INSTALL = 'install ClickHouse (Debian/Ubuntu: `sudo apt-get install -y clickhouse-server clickhouse-client`) to run them';
/** The user with a password the tests push as (the password is what no output may show). */
export const CLICKHOUSE_USER = 'rad_pusher';
/** A password no output may contain: distinctive, with characters URLs must encode. */
export const CLICKHOUSE_PASSWORD = 'pw-Zq7#x!k@9%';

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

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function configXml(dir: string, httpPort: number, tcpPort: number): string {
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/log/server.log</log><errorlog>${dir}/log/error.log</errorlog><console>0</console></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <mark_cache_size>67108864</mark_cache_size>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles><default></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <${CLICKHOUSE_USER}><password>${CLICKHOUSE_PASSWORD.replace(/&/g, '&amp;')}</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></${CLICKHOUSE_USER}>
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

async function waitForPing(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited with ${child.exitCode} before answering ${url}/ping`);
    try {
      const response = await fetch(`${url}/ping`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`clickhouse-server did not answer ${url}/ping within ${timeoutMs} ms`);
}

/**
 * Starts Debian's clickhouse-server as a child process on free ports of 127.0.0.1, with its config,
 * data and logs in a temp folder (removed with the run's temp root), and waits for `/ping`.
 */
export async function startClickHouse(): Promise<ClickHouseServer> {
  const dir = tempDir('rad-clickhouse-');
  for (const sub of ['data', 'tmp', 'log', 'user_files', 'format_schemas']) mkdirSync(path.join(dir, sub), { recursive: true });
  const port = await freePort();
  const tcpPort = await freePort();
  writeFileSync(path.join(dir, 'config.xml'), configXml(dir, port, tcpPort));
  writeFileSync(path.join(dir, 'users.xml'), USERS_XML);
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(CLICKHOUSE_SERVER, [`--config-file=${path.join(dir, 'config.xml')}`], { cwd: dir, stdio: 'ignore' });
    await waitForPing(url, child);
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
