// The team warehouse at scale: `rad stats push` of a workspace to ClickHouse (sessions per second),
// and `model --warehouse --by developer` over 1,000,000 sessions of 20 developers against 10,000.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLICKHOUSE_SERVER, freePort, waitForPing, writeClickHouseConfig } from '../../packages/cli/test/helpers/clickhouse-config.mjs';
import { measureRounds, runNode } from './measure.mjs';

/** Developers the team data is spread over. */
export const TEAM_DEVELOPERS = 20;

/** RADIUM_TEST_CLICKHOUSE's server, else Debian's clickhouse-server started in a temp folder (removed by `stop`). */
async function clickhouse() {
  if (process.env.RADIUM_TEST_CLICKHOUSE) return { url: new URL(process.env.RADIUM_TEST_CLICKHOUSE).origin, stop: async () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-clickhouse-'));
  const port = await freePort();
  const config = writeClickHouseConfig(dir, port, await freePort());
  const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${config}`], { cwd: dir, stdio: 'ignore' });
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    removeDir();
  };
  process.once('exit', () => {
    child.kill('SIGKILL');
    removeDir();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForPing(url, () => child.exitCode);
  return { url, stop };
}

/** Runs one statement as the default user; returns the response text. */
async function sql(url, query) {
  const response = await fetch(`${url}/?output_format_json_quote_64bit_integers=0`, { method: 'POST', body: query });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse: ${text.trim().split('\n')[0]} (in ${query.slice(0, 120)})`);
  return text;
}

const rowsOf = (text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line));

/** A workspace that reads the warehouse in `database` (it has no sessions: team views open no store). */
function viewWorkspace(dir, database) {
  mkdirSync(path.join(dir, '.radium'), { recursive: true });
  writeFileSync(path.join(dir, '.radium/stats.config.json'), `${JSON.stringify({ warehouse: { database } })}\n`);
  return dir;
}

/**
 * Copies every warehouse table of `from` into `to` (same schema), `copies` times: copy n of a session
 * gets session id `<id>-n` and one of TEAM_DEVELOPERS developers picked from its id and n, so each
 * session's rows stay together under one developer, as a push would have sent them.
 */
async function replicate(url, from, to, copies) {
  await sql(url, `CREATE DATABASE IF NOT EXISTS ${to}`);
  const tables = rowsOf(await sql(url, `SELECT name FROM system.tables WHERE database = '${from}' FORMAT JSONEachRow`)).map((r) => r.name);
  for (const table of tables) {
    await sql(url, `CREATE TABLE IF NOT EXISTS ${to}.${table} AS ${from}.${table}`);
    if (table === 'schema_version') {
      await sql(url, `INSERT INTO ${to}.schema_version SELECT * FROM ${from}.schema_version`);
      continue;
    }
    const columns = rowsOf(await sql(url, `SELECT name FROM system.columns WHERE database = '${from}' AND table = '${table}' FORMAT JSONEachRow`)).map((r) => r.name);
    const select = columns.map((c) =>
      c === 'developer'
        ? `concat('developer-', toString((cityHash64(session_id) + number) % ${TEAM_DEVELOPERS}), '@example.com') AS developer`
        : c === 'session_id'
          ? `concat(session_id, '-', toString(number)) AS session_id`
          : `\`${c}\``,
    );
    await sql(url, `INSERT INTO ${to}.${table} (${columns.map((c) => `\`${c}\``).join(', ')}) SELECT ${select.join(', ')} FROM ${from}.${table} FINAL CROSS JOIN numbers(${copies}) SETTINGS max_insert_block_size = 100000`);
  }
  await mergeSplitPartitions(url, to);
}

/** Merges every partition split into several parts, as `rad stats push` does after sending (`mergeSplitPartitions` in packages/cli/src/warehouse/parts.ts). */
async function mergeSplitPartitions(url, db) {
  const split = rowsOf(await sql(url, `SELECT table, partition_id AS id FROM system.parts WHERE database = '${db}' AND active GROUP BY table, partition_id HAVING count() > 1 FORMAT JSONEachRow`));
  for (const { table, id } of split) await sql(url, `OPTIMIZE TABLE ${db}.${table} PARTITION ID '${id}' FINAL`);
}

/**
 * Pushes `workspace` (copied to a scratch folder first, so its store keeps no push records) to
 * ClickHouse once, timed; then builds the team data from what it pushed: `small` sessions of 20
 * developers and `small * copies` of them, and times `model --warehouse --by developer` on both,
 * interleaved. Skipped with a reason when there is no ClickHouse.
 */
export async function measureWarehouse({ workDir, rad, workspace, sessions, copies, reps }) {
  if (!process.env.RADIUM_TEST_CLICKHOUSE && !existsSync(CLICKHOUSE_SERVER)) {
    return { skipped: `${CLICKHOUSE_SERVER} is not installed (Debian/Ubuntu: sudo apt-get install -y clickhouse-server) and RADIUM_TEST_CLICKHOUSE is unset` };
  }
  const server = await clickhouse();
  const tag = `${process.pid}_${Date.now()}`;
  const pushed = `rad_bench_push_${tag}`;
  const small = `rad_bench_team_small_${tag}`;
  const large = `rad_bench_team_large_${tag}`;
  const scratch = path.join(workDir, 'warehouse-ws');
  const views = path.join(workDir, 'warehouse-views');
  try {
    rmSync(scratch, { recursive: true, force: true });
    cpSync(workspace, scratch, { recursive: true });
    writeFileSync(path.join(scratch, '.radium/stats.config.json'), `${JSON.stringify({ warehouse: { database: pushed, team: 'bench', developer: 'bench@example.com', machine: 'bench' } })}\n`);
    const env = { RADIUM_WAREHOUSE_URL: server.url };
    // The store is brought up to date first, as any earlier command would have.
    runNode(rad('stats', 'model', '--workspace', scratch), { env });
    const push = runNode(rad('stats', 'push', '--json', '--workspace', scratch), { env, capture: true });
    const sent = JSON.parse(push.stdout).sessions;
    await replicate(server.url, pushed, small, 1);
    await replicate(server.url, pushed, large, copies);
    const count = async (db) => rowsOf(await sql(server.url, `SELECT count() AS n, uniqExact(developer) AS d FROM ${db}.sessions FINAL FORMAT JSONEachRow`))[0];
    const smallCount = await count(small);
    const largeCount = await count(large);
    const query = (db) => ({ args: rad('stats', 'model', '--warehouse', '--by', 'developer', '--workspace', viewWorkspace(path.join(views, db), db)), env });
    const timed = measureRounds({ small: query(small), large: query(large) }, reps);
    return {
      push: { sessions: sent, ms: push.ms, rssMb: push.rssMb, perSecond: sent / (push.ms / 1000) },
      team: { small: { ...timed.small, sessions: smallCount.n, developers: smallCount.d }, large: { ...timed.large, sessions: largeCount.n, developers: largeCount.d } },
      expected: { sessions, copies },
    };
  } finally {
    for (const db of [pushed, small, large]) await sql(server.url, `DROP DATABASE IF EXISTS ${db}`).catch(() => {});
    rmSync(scratch, { recursive: true, force: true });
    rmSync(views, { recursive: true, force: true });
    await server.stop();
  }
}
