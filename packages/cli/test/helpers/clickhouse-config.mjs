// Plain JavaScript so that `.ci/clickhouse.mjs` and the bench (which run without a TypeScript build)
// write the same server config as the tests' helper.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:net';

/** Debian's ClickHouse server (18.16), the one CI installs (`.ci/run`). */
export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';
/** The user with a password the tests push as (the password is what no output may show). */
export const CLICKHOUSE_USER = 'rad_pusher';
/** A password no output may contain: distinctive, with characters URLs must encode. */
export const CLICKHOUSE_PASSWORD = 'pw-Zq7#x!k@9%';

function configXml(dir, httpPort, tcpPort) {
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

/**
 * Writes a minimal server config into `dir` (data, logs and temp files under it, listening on
 * 127.0.0.1 only, users `default` and the tests' pusher) and returns the config file's path.
 */
export function writeClickHouseConfig(dir, httpPort, tcpPort) {
  for (const sub of ['data', 'tmp', 'log', 'user_files', 'format_schemas']) mkdirSync(path.join(dir, sub), { recursive: true });
  const file = path.join(dir, 'config.xml');
  writeFileSync(file, configXml(dir, httpPort, tcpPort));
  writeFileSync(path.join(dir, 'users.xml'), USERS_XML);
  return file;
}

/** Resolves once `url/ping` answers; rejects when `exited()` says the server died or after `timeoutMs`. */
export async function waitForPing(url, exited, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const code = exited();
    if (code !== null && code !== undefined) throw new Error(`clickhouse-server exited with ${code} before answering ${url}/ping`);
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

/** A port of 127.0.0.1 nobody listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
