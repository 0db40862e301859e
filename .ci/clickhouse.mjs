#!/usr/bin/env node
// Starts or stops the ClickHouse server a CI run shares between test files (`.ci/run`):
//   node .ci/clickhouse.mjs start <dir>   writes the config into <dir>, starts the server on free ports
//                                          of 127.0.0.1, waits for /ping and prints its HTTP URL
//   node .ci/clickhouse.mjs stop <dir>    stops the server started in <dir> (SIGTERM, SIGKILL after 15 s)
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLICKHOUSE_SERVER, freePort, waitForPing, writeClickHouseConfig } from '../packages/cli/test/helpers/clickhouse-config.mjs';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function start(dir) {
  const config = writeClickHouseConfig(dir, await freePort(), await freePort());
  const port = Number(/<http_port>(\d+)</.exec(readFileSync(config, 'utf8'))[1]);
  const out = openSync(path.join(dir, 'log', 'stdout.log'), 'a');
  const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${config}`], { cwd: dir, stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  let exitCode = null;
  child.once('exit', (code, signal) => (exitCode = code ?? signal));
  writeFileSync(path.join(dir, 'server.pid'), `${child.pid}\n`);
  const url = `http://127.0.0.1:${port}`;
  await waitForPing(url, () => exitCode);
  child.unref();
  process.stdout.write(`${url}\n`);
}

async function stop(dir) {
  const file = path.join(dir, 'server.pid');
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8'));
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + 15_000;
  while (alive(pid) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

const [command, dir] = process.argv.slice(2);
if (!dir || (command !== 'start' && command !== 'stop')) {
  console.error('Usage: node .ci/clickhouse.mjs start|stop <dir>');
  process.exit(2);
}
try {
  await (command === 'start' ? start(path.resolve(dir)) : stop(path.resolve(dir)));
} catch (error) {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)} (server log: ${path.resolve(dir, 'log')})`);
  process.exit(1);
}
