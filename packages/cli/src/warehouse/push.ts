import { createHash } from 'node:crypto';
import type { FactRow, PushSession, PushedSession, StatsStore, StoredFactTable } from '@radium-stats/core';
import type { WarehouseExecutor } from './executor.js';
import { OlderRowsDeleter, sessionsWithGoneKeys } from './gone-keys.js';
import { mergeSplitPartitions } from './parts.js';
import { ensureSchema, factTableName, pushableTables } from './schema.js';
import { sqlTable } from './sql.js';

/** Sessions sent per round of inserts: big enough for few requests, small enough for a bounded memory. */
export const PUSH_BATCH_SESSIONS = 500;

/** What a push sent (`rad stats push --json`). */
export interface PushResult {
  /** Where to, without credentials. */
  warehouse: string;
  database: string;
  developer: string;
  machine: string;
  team: string;
  /** Sessions new or changed since the last push, all sent now. */
  sessions: number;
  /** Rows sent per warehouse table. */
  rows: Record<string, number>;
  /** The version stamped on every row sent (push time, epoch ms). */
  version: number;
}

/** What the local store records pushes under: the warehouse and the identity the rows carry. */
export const targetKey = (w: WarehouseExecutor): string => JSON.stringify([w.target.url, w.target.database, w.target.team, w.target.developer, w.target.machine]);

/**
 * A session's rows in one table, one per key (bucket and dimensions): rows of the same key are summed,
 * as the warehouse keeps one row per key.
 */
function keyedRows(t: StoredFactTable, rows: readonly FactRow[]): FactRow[] {
  const byKey = new Map<string, FactRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.bucket, ...t.table.dimensions.map((c) => row[c.name] ?? null)]);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...row });
      continue;
    }
    for (const m of t.table.measures) seen[m.name] = Number(seen[m.name] ?? 0) + Number(row[m.name] ?? 0);
  }
  return [...byKey.values()];
}

/** A session's rows in every table, and their digest (what was sent, without the version). */
interface SessionRows {
  session: PushSession;
  facts: Map<string, FactRow[]>;
  digest: string;
}

/** The session's own row as the warehouse keeps it, without the stamp columns. */
const sessionRow = (s: PushSession) => ({
  session_id: s.id,
  agent_session_id: s.agent_session_id,
  source: s.source,
  agent: s.agent,
  project: s.project,
  start_ms: s.start_ms,
  end_ms: s.end_ms,
  status: s.status,
  wall_ms: s.wall_ms,
});

/** Each session's rows in every table, with their digest, read from the store. */
function readRows(store: StatsStore, tables: readonly StoredFactTable[], sessions: readonly PushSession[]): SessionRows[] {
  const byKey = new Map(sessions.map((session) => [session.key, { session, facts: new Map<string, FactRow[]>(), digest: '' }]));
  for (const t of tables) {
    const bySession = new Map<number, FactRow[]>();
    for (const { sessionKey, row } of store.factRowsOf(t, [...byKey.keys()])) (bySession.get(sessionKey) ?? bySession.set(sessionKey, []).get(sessionKey)!).push(row);
    for (const [sessionKey, list] of bySession) byKey.get(sessionKey)!.facts.set(factTableName(t), keyedRows(t, list));
  }
  for (const entry of byKey.values()) {
    const content = JSON.stringify([sessionRow(entry.session), tables.map((t) => entry.facts.get(factTableName(t)) ?? [])]);
    entry.digest = createHash('sha256').update(content).digest('hex');
  }
  return [...byKey.values()];
}

/**
 * Sends every session new or changed since the last push to the warehouse in rounds (schema made
 * or migrated first), recording each round in the local store once the warehouse holds all of it. A
 * session whose files changed but whose rows did not is not sent again. A failure leaves the rounds
 * not yet recorded for the next push, which resumes there; the rows' version makes the warehouse
 * keep one copy of a row sent twice.
 * A resent session's rows under keys it no longer has are deleted (gone-keys.ts) before the push is done.
 * Last, the partitions this or any push split into several parts are merged, so that the team views
 * read them without FINAL; a failure there only slows those views, so it is a warning.
 */
export async function pushSessions(
  store: StatsStore,
  warehouse: WarehouseExecutor,
  options: { warn: (message: string) => void; progress?: (done: number, total: number) => void; now?: () => number; batch?: number },
): Promise<PushResult> {
  const key = targetKey(warehouse);
  const { database, team, developer, machine } = warehouse.target;
  const candidates = store.sessionsToPush(key);
  const tables = pushableTables(store.factTables(), options.warn);
  const version = (options.now ?? Date.now)();
  const rows: Record<string, number> = { sessions: 0, ...Object.fromEntries(tables.map((t) => [factTableName(t), 0])) };
  const result: PushResult = { warehouse: warehouse.target.display, database, developer, machine, team, sessions: 0, rows, version };
  // Made even when nothing is new: a push checks that the warehouse answers and accepts these credentials.
  await ensureSchema(warehouse, tables);
  const stamp = { team, developer, machine };
  const batch = options.batch ?? PUSH_BATCH_SESSIONS;
  const deleter = new OlderRowsDeleter(warehouse, stamp, version);
  if (candidates.length > 0) options.progress?.(0, candidates.length);
  for (let start = 0; start < candidates.length; start += batch) {
    const read = readRows(store, tables, candidates.slice(start, start + batch));
    const changed = read.filter((r) => r.digest !== r.session.pushed_digest);
    const record: PushedSession[] = [];
    for (const r of read) record.push({ id: r.session.id, stamp: r.session.stamp, digest: r.digest, version: r.digest === r.session.pushed_digest ? (r.session.pushed_version ?? version) : version });
    const gone = new Map<string, string[]>();
    for (const t of tables) {
      const name = factTableName(t);
      gone.set(name, await sessionsWithGoneKeys(warehouse, t, stamp, changed.map((r) => ({ id: r.session.id, rows: r.facts.get(name) ?? [] }))));
      const values = changed.flatMap((r) => (r.facts.get(name) ?? []).map((row) => ({ ...stamp, session_id: r.session.id, ...row, version })));
      await warehouse.insert(sqlTable(database, name), values);
      rows[name]! += values.length;
    }
    // Sessions last: a session row in the warehouse means its facts are there too.
    await warehouse.insert(sqlTable(database, 'sessions'), changed.map((r) => ({ ...stamp, ...sessionRow(r.session), version })));
    // Then the rows of keys a resent session no longer has go, or they would count beside its new ones.
    for (const [name, ids] of gone) await deleter.delete(name, ids);
    await deleter.wait();
    // Recorded once the round is wholly in the warehouse: a push cut off later resumes after it.
    store.recordPushed(key, record);
    rows['sessions']! += changed.length;
    result.sessions += changed.length;
    options.progress?.(Math.min(start + batch, candidates.length), candidates.length);
  }
  if (result.sessions > 0) {
    try {
      await mergeSplitPartitions(warehouse, database, ['sessions', ...tables.map(factTableName)]);
    } catch (error) {
      options.warn(`${(error as Error).message} The sessions are pushed; until their partitions are merged, team views read them more slowly.`);
    }
  }
  return result;
}
