import { existsSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreTooNewError } from '../errors.js';
import type { Host } from '../host/create-host.js';
import { callsPlugin, countPlugin, testHost } from '../testing/index.js';
import type { MetricPlugin } from '../plugin/contract.js';
import type { ApiResponseEvent } from '../events/schema.js';
import { factBucket } from '../plugin/facts.js';
import { StatsStore } from './stats-store.js';
import { STORE_VERSION } from './schema.js';

/** Writes an ended session's journal: `calls` tool calls of `tool`, one a minute from `start`. */
function journal(host: Host, id: string, start: string, calls: number, options: { tool?: string; agent?: string; workspace?: string } = {}): void {
  const t0 = Date.parse(start);
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
  const lines = [{ type: 'session.start', ts: at(0), sessionId: id, workspace: options.workspace ?? host.paths.root, ...(options.agent ? { agent: options.agent } : {}) }];
  for (let i = 1; i <= calls; i++) lines.push({ type: 'tool.call', ts: at(i), name: options.tool ?? 'Bash', durationMs: 10, success: true } as never);
  lines.push({ type: 'session.end', ts: at(calls + 1) } as never);
  writeFileSync(host.paths.journalFile(id), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

async function open(host: Host, warnings: string[] = []): Promise<StatsStore> {
  const store = StatsStore.open({ reports: host.store, plugins: host.plugins, warn: (m) => warnings.push(m) });
  await store.sync();
  return store;
}

/** Writes an ended session's journal: a response of each model, one a minute from `start`, then `calls` tool calls from minute 10. */
function modelSession(host: Host, id: string, start: string, models: string[], calls = 0): void {
  const t0 = Date.parse(start);
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
  const lines: object[] = [{ type: 'session.start', ts: at(0), sessionId: id, workspace: host.paths.root }];
  models.forEach((model, i) => lines.push({ type: 'api.response', ts: at(i + 1), model, engine: 'e', tokens: { input: 1, output: 1 } }));
  for (let i = 0; i < calls; i++) lines.push({ type: 'tool.call', ts: at(10 + i), name: 'Bash', durationMs: 1, success: true });
  lines.push({ type: 'session.end', ts: at(30) });
  writeFileSync(host.paths.journalFile(id), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** A version 2 plugin with one table of integer measures only: requests per model, its section their sum. */
function requestsPlugin(): MetricPlugin<{ requests: number }> {
  return {
    id: 'requests',
    apiVersion: 2,
    title: 'Requests',
    description: 'Requests per model',
    section: { safeParse: (v) => ({ success: true as const, data: v as { requests: number } }) },
    createCollector: () => {
      const rows = new Map<string, { bucket: number; model: string; requests: number }>();
      return {
        add: (event) => {
          if (event.type !== 'api.response') return;
          const e = event as ApiResponseEvent;
          const row = rows.get(e.model) ?? { bucket: factBucket(e.ts), model: e.model, requests: 0 };
          row.requests += 1;
          rows.set(e.model, row);
        },
        finish: () => ({ requests: [...rows.values()].reduce((n, r) => n + r.requests, 0) }),
        facts: () => ({ requests: [...rows.values()] }),
      };
    },
    facts: {
      tables: [{ name: 'requests', description: 'Requests', dimensions: [{ name: 'model', type: 'text', description: 'Model' }], measures: [{ name: 'requests', type: 'integer', description: 'Requests' }] }],
      toSection: (summed) => ({ requests: summed['requests']!.reduce((n, r) => n + Number(r['requests']), 0) }),
    },
    merge: (all) => ({ requests: all.reduce((n, x) => n + x.requests, 0) }),
    report: {},
  };
}

const dbFile = (host: Host) => path.join(host.paths.radiumDir, '_internals', 'stats.db');
const calls = (store: StatsStore, filter = {}) => store.merged(filter).plugins['calls']?.section;

describe('the stats store', () => {
  it('answers from facts and from version 1 merges, and is rebuilt the same after it is deleted', async () => {
    const host = await testHost([callsPlugin(), countPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 3);
    journal(host, 's2', '2026-11-02T10:00:00Z', 4, { tool: 'Edit' });
    let store = await open(host);
    const first = store.merged();
    expect(first.sessions).toBe(2);
    expect(first.plugins['calls']).toEqual({ section: { calls: 7 }, sessions: 2 });
    expect((first.plugins['count']!.section as { byType: Record<string, number> }).byType['tool.call']).toBe(7);
    expect(store.factSums('calls')['calls']).toEqual(expect.arrayContaining([{ tool: 'Bash', calls: 3, ms: 30 }, { tool: 'Edit', calls: 4, ms: 40 }]));
    // A view that needs one plugin asks only for it.
    expect(store.merged({}, ['calls'])).toEqual({ sessions: 2, plugins: { calls: first.plugins['calls'] } });
    expect(Object.keys(store.merged({}, ['count']).plugins)).toEqual(['count']);
    store.close();
    rmSync(dbFile(host));
    store = await open(host);
    expect(store.merged()).toEqual(first);
    expect(store.ids()).toEqual(['s2', 's1']);
    store.close();
  });

  it('notices reports added, changed, deleted and corrupted behind its back', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 1);
    journal(host, 's2', '2026-11-02T10:00:00Z', 2);
    let store = await open(host);
    expect(calls(store)).toEqual({ calls: 3 });
    store.close();
    // Added.
    journal(host, 's3', '2026-11-03T10:00:00Z', 5);
    store = await open(host);
    expect(calls(store)).toEqual({ calls: 8 });
    store.close();
    // Changed in place: same name, new content and time (the folder's own stamp does not change).
    const report = host.paths.reportFile('s3');
    const text = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(report, 'utf8')));
    text.sections.calls.calls = 50;
    text.facts.calls.calls = [{ bucket: text.facts.calls.calls[0].bucket, tool: 'Bash', calls: 50, ms: 0 }];
    writeFileSync(report, JSON.stringify(text));
    utimesSync(report, new Date('2026-11-04T00:00:00Z'), new Date('2026-11-04T00:00:00Z'));
    store = await open(host);
    await store.sync(true);
    expect(calls(store)).toEqual({ calls: 53 });
    store.close();
    // Deleted.
    rmSync(host.paths.reportFile('s1'));
    rmSync(host.paths.journalFile('s1'));
    store = await open(host);
    expect(store.ids()).toEqual(['s3', 's2']);
    store.close();
    // Corrupted (report and journal): skipped with a warning naming it, at every sync until fixed.
    writeFileSync(host.paths.reportFile('s2'), '{ torn');
    rmSync(host.paths.journalFile('s2'));
    const warnings: string[] = [];
    store = await open(host, warnings);
    expect(store.ids()).toEqual(['s3']);
    expect(warnings.join('\n')).toContain(host.paths.reportFile('s2'));
    warnings.length = 0;
    await store.sync(true);
    expect(warnings.join('\n')).toContain(host.paths.reportFile('s2'));
    store.close();
  });

  it('stamps no journal of an ended report, and folds the journal again when that report goes', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 2);
    journal(host, 's2', '2026-11-02T10:00:00Z', 3);
    let store = await open(host);
    store.close();
    const stamps = () => {
      const db = new Database(dbFile(host), { readonly: true });
      const rows = db.prepare('SELECT id, report_size IS NOT NULL AS report, journal_size FROM sessions ORDER BY id').all();
      db.close();
      return rows;
    };
    // Rebuilt into an empty store: each ended report is the truth, its journal is not looked at.
    rmSync(dbFile(host));
    store = await open(host);
    store.close();
    expect(stamps()).toEqual([
      { id: 's1', report: 1, journal_size: null },
      { id: 's2', report: 1, journal_size: null },
    ]);
    // A journal that changes under an ended report changes nothing; a report that goes is folded again from its journal.
    writeFileSync(host.paths.journalFile('s2'), '{ torn');
    rmSync(host.paths.reportFile('s1'));
    store = await open(host);
    await store.sync(true);
    expect(calls(store)).toEqual({ calls: 5 });
    store.close();
    expect(stamps()).toEqual([
      { id: 's1', report: 1, journal_size: expect.any(Number) },
      { id: 's2', report: 1, journal_size: null },
    ]);
  });

  it('sets a damaged database file aside with a warning naming it, and rebuilds', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 2);
    (await open(host)).close();
    for (const suffix of ['-wal', '-shm']) rmSync(dbFile(host) + suffix, { force: true });
    writeFileSync(dbFile(host), 'this is not a database, it is a text file that is long enough to have a header');
    const warnings: string[] = [];
    const store = await open(host, warnings);
    expect(calls(store)).toEqual({ calls: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^${dbFile(host).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is damaged .*moved to .*stats\\.db\\.damaged-\\d+`));
    expect(readdirSync(path.dirname(dbFile(host))).some((n) => n.startsWith('stats.db.damaged-'))).toBe(true);
    store.close();
  });

  it('remakes a database written by an older rad and reads every report into it', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 2);
    (await open(host)).close();
    // The first store's sessions table had no integer key, and a summary of every session.
    const old = new Database(dbFile(host));
    old.exec('DROP TABLE sessions; CREATE TABLE sessions (id TEXT PRIMARY KEY, summary TEXT); INSERT INTO sessions VALUES (\'s1\', \'{}\')');
    // What no report can give back stays: the import state and the warehouse's push records.
    old.exec("CREATE TABLE import_x (v TEXT); INSERT INTO import_x VALUES ('kept'); CREATE TABLE warehouse_x (v TEXT); INSERT INTO warehouse_x VALUES ('kept')");
    old.pragma('user_version = 1');
    old.close();
    const store = await open(host);
    expect(calls(store)).toEqual({ calls: 2 });
    expect(store.ids()).toEqual(['s1']);
    store.close();
    const again = new Database(dbFile(host));
    expect(again.pragma('user_version', { simple: true })).toBe(STORE_VERSION);
    expect(again.prepare('SELECT v FROM import_x UNION ALL SELECT v FROM warehouse_x').pluck().all()).toEqual(['kept', 'kept']);
    again.close();
  });

  it('refuses a database written by a newer rad, and leaves it as it is', async () => {
    const host = await testHost([callsPlugin()]);
    (await open(host)).close();
    const db = new Database(dbFile(host));
    db.pragma('user_version = 99');
    db.close();
    expect(() => StatsStore.open({ reports: host.store, plugins: host.plugins, warn: () => {} })).toThrow(StoreTooNewError);
    expect(() => StatsStore.open({ reports: host.store, plugins: host.plugins, warn: () => {} })).toThrow(/newer rad \(store version 99.*upgrade rad/);
    const again = new Database(dbFile(host));
    expect(again.pragma('user_version', { simple: true })).toBe(99);
    again.close();
  });

  it('filters facts by their own time and sessions by agent, source and project', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 'a', '2026-11-01T23:50:00Z', 20, { agent: 'claude' }); // calls at 23:51 .. 00:10: 9 before midnight, 11 after
    journal(host, 'b', '2026-11-02T10:00:00Z', 3, { agent: 'codex', workspace: path.join(host.paths.root, 'sub', 'dir') });
    journal(host, 'c', '2026-11-03T10:00:00Z', 1, { agent: 'claude', workspace: `${host.paths.root}-other` });
    const store = await open(host);
    const since = Date.parse('2026-11-02T00:00:00Z');
    expect(calls(store, { sinceMs: since })).toEqual({ calls: 11 + 3 + 1 });
    expect(calls(store, { untilMs: since })).toEqual({ calls: 9 });
    expect(store.count({ sinceMs: since })).toBe(2);
    expect(calls(store, { agent: 'claude' })).toEqual({ calls: 21 });
    expect(calls(store, { project: path.join(host.paths.root, 'sub') })).toEqual({ calls: 3 });
    expect(calls(store, { project: host.paths.root })).toEqual({ calls: 23 });
    expect(calls(store, { source: 'live' })).toEqual({ calls: 24 });
    expect(calls(store, { source: 'codex' })).toBeUndefined();
    store.close();
  });

  it('keeps its rollups equal to the sum of the reports through adds, rewrites and deletes, under every filter', async () => {
    const host = await testHost([callsPlugin()]);
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const sessions = new Map<string, { agent: string; workspace: string; start: string; calls: number }>();
    const put = (id: string) => {
      const meta = {
        agent: ['claude', 'codex'][random(2)]!,
        workspace: path.join(host.paths.root, ['a', 'b', 'a/deep'][random(3)]!),
        start: new Date(Date.parse('2026-11-01T20:00:00Z') + random(96) * 30 * 60_000).toISOString(),
        calls: 1 + random(6),
      };
      sessions.set(id, meta);
      journal(host, id, meta.start, meta.calls, { agent: meta.agent, workspace: meta.workspace, tool: ['Bash', 'Edit'][random(2)]! });
    };
    for (let i = 0; i < 30; i++) put(`s${i}`);
    // One in each partial day at the ends of the ranges below.
    for (const [id, start] of [['edge-1', '2026-11-01T22:00:00Z'], ['edge-2', '2026-11-03T13:00:00Z']] as const) {
      sessions.set(id, { agent: 'codex', workspace: host.paths.root, start, calls: 2 });
      journal(host, id, start, 2, { agent: 'codex' });
    }
    const store = await open(host);
    // Rewritten with other agents, times and counts, and deleted: what the rollups held of them must go.
    for (let i = 0; i < 10; i++) {
      rmSync(host.paths.reportFile(`s${i}`));
      put(`s${i}`);
    }
    for (let i = 10; i < 15; i++) {
      rmSync(host.paths.reportFile(`s${i}`));
      rmSync(host.paths.journalFile(`s${i}`));
      sessions.delete(`s${i}`);
    }
    await store.sync(true);
    // The reference: every call of every remaining session, one a minute from its start.
    const expected = (keep: (m: { agent: string; workspace: string }) => boolean, since = -Infinity, until = Infinity) => {
      let n = 0;
      for (const m of sessions.values()) {
        if (!keep(m)) continue;
        for (let c = 1; c <= m.calls; c++) {
          const at = Date.parse(m.start) + c * 60_000;
          const bucket = at - (at % (15 * 60_000));
          if (bucket >= since && bucket < until) n += 1;
        }
      }
      return n === 0 ? undefined : { calls: n };
    };
    const since = Date.parse('2026-11-02T00:00:00Z');
    const until = Date.parse('2026-11-02T12:00:00Z');
    expect(calls(store)).toEqual(expected(() => true));
    expect(calls(store, { agent: 'codex' })).toEqual(expected((m) => m.agent === 'codex'));
    expect(calls(store, { project: path.join(host.paths.root, 'a') })).toEqual(expected((m) => m.workspace.startsWith(path.join(host.paths.root, 'a'))));
    expect(calls(store, { sinceMs: since, untilMs: until, agent: 'claude' })).toEqual(expected((m) => m.agent === 'claude', since, until));
    // Ends that are not whole UTC days (as a local day is): whole days from the rollup, the rest from rows.
    const [from, to] = [Date.parse('2026-11-01T21:15:00Z'), Date.parse('2026-11-03T13:30:00Z')];
    expect(calls(store, { sinceMs: from, untilMs: to })).toEqual(expected(() => true, from, to));
    expect(calls(store, { sinceMs: from })).toEqual(expected(() => true, from));
    expect(calls(store, { untilMs: to, agent: 'codex' })).toEqual(expected((m) => m.agent === 'codex', -Infinity, to));
    // A status filter reads every row instead of the rollup: both agree.
    expect(calls(store, { status: 'ended' })).toEqual(calls(store));
    // Periods of a time view (7-hour ones from a quarter past, and one over a whole UTC day and two
    // partial ones), in one query: each summed as that range alone is, sessions counted where they started.
    const periods: [number, number][] = [...Array.from({ length: 12 }, (_, i): [number, number] => [from + i * 7 * 3_600_000, from + (i + 1) * 7 * 3_600_000]), [from, to]];
    for (const filter of [{}, { agent: 'codex' }, { status: 'ended' }]) {
      const keep = (m: { agent: string }) => !('agent' in filter) || m.agent === filter.agent;
      const byPeriod = store.mergedByPeriod(filter, periods, ['calls']);
      expect(byPeriod.map((p) => p.period)).toEqual([...byPeriod.map((p) => p.period)].sort((a, b) => a - b));
      for (const [i, [a, b]] of periods.entries()) {
        const entry = byPeriod.find((p) => p.period === i);
        expect(entry?.plugins['calls'], `period ${i}`).toEqual(expected(keep, a, b));
        const started = [...sessions.values()].filter((m) => keep(m) && Date.parse(m.start) >= a && Date.parse(m.start) < b).length;
        expect(entry?.sessions ?? 0, `period ${i}`).toBe(started);
      }
    }
    store.close();
    // Remade in one GROUP BY (as after a rebuild, or when a rebuild was killed before it remade
    // them): the same groups under the same keys as summed session by session.
    const db = new Database(dbFile(host));
    const rollup = () => db.prepare('SELECT * FROM "rollup:calls:calls" ORDER BY ":key"').all();
    const summed = rollup();
    db.exec(`DELETE FROM "rollup:calls:calls"; INSERT INTO meta (key, value) VALUES ('rollups', 'stale')`);
    const again = await open(host);
    expect(rollup()).toEqual(summed);
    expect(calls(again)).toEqual(expected(() => true));
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'rollups'").get()).toBeUndefined();
    again.close();
    db.close();
  });

  it('leaves out facts that do not fit their declaration, with a warning naming the report', async () => {
    const host = await testHost([callsPlugin()]);
    journal(host, 's1', '2026-11-01T10:00:00Z', 2);
    journal(host, 's2', '2026-11-01T11:00:00Z', 3);
    (await open(host)).close();
    const report = host.paths.reportFile('s2');
    const text = JSON.parse(readFileSync(report, 'utf8'));
    text.facts.calls.calls[0].calls = 'three';
    writeFileSync(report, JSON.stringify(text));
    rmSync(dbFile(host));
    const warnings: string[] = [];
    const store = await open(host, warnings);
    expect(store.ids()).toEqual(['s2', 's1']);
    expect(calls(store)).toEqual({ calls: 2 });
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${report.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: facts of calls do not match its declaration \\(calls.calls must be a finite safe integer, got "three"\\)`))]);
    store.close();
  });

  it('filters by model: rows of tables with a model dimension by their own, others by the models their session used', async () => {
    // Requests per model (a table with a model dimension) beside callsPlugin's tool calls (without one).
    const host = await testHost([callsPlugin(), requestsPlugin()]);
    const session = (id: string, start: string, models: string[], calls: number) => modelSession(host, id, start, models, calls);
    session('a', '2026-11-01T10:00:00Z', ['opus', 'opus', 'haiku'], 2);
    session('b', '2026-11-02T10:00:00Z', ['haiku'], 5);
    session('c', '2026-11-03T10:00:00Z', ['sonnet'], 7);
    const store = await open(host);
    const requests = (filter: object) => store.merged(filter).plugins['requests']?.section;
    expect(requests({ models: ['opus'] })).toEqual({ requests: 2 });
    expect(requests({ models: ['opus', 'haiku'] })).toEqual({ requests: 4 });
    // Whole days from the rollup and a partial one from rows, both filtered by model.
    expect(requests({ models: ['haiku'], sinceMs: Date.parse('2026-11-01T09:45:00Z') })).toEqual({ requests: 2 });
    expect(requests({ models: ['haiku'], sinceMs: Date.parse('2026-11-01T10:15:00Z') })).toEqual({ requests: 1 });
    expect(calls(store, { models: ['haiku'] })).toEqual({ calls: 7 });
    expect(calls(store, { models: ['nope'] })).toBeUndefined();
    expect(store.ids({ models: ['haiku'] })).toEqual(['b', 'a']);
    expect(store.count({ models: ['sonnet'] })).toBe(1);
    store.close();
  });

  it('sums a local day that is most of a UTC day as that day less the hour it lacks, leaving out groups only in that hour', async () => {
    const host = await testHost([requestsPlugin()]);
    // The day of 2 November in Europe/Paris (UTC+1): 23:00 UTC on the 1st to 23:00 UTC on the 2nd.
    modelSession(host, 'before', '2026-11-01T12:00:00Z', ['opus', 'opus', 'opus']);
    modelSession(host, 'head', '2026-11-01T23:20:00Z', ['sonnet']);
    modelSession(host, 'inside', '2026-11-02T10:00:00Z', ['opus', 'opus']);
    // In UTC's 2 November but Paris's 3rd: taken away from the rollup's day, not shown as 0.
    modelSession(host, 'after', '2026-11-02T23:20:00Z', ['haiku', 'haiku']);
    const store = await open(host);
    const [since, until] = [Date.parse('2026-11-01T23:00:00Z'), Date.parse('2026-11-02T23:00:00Z')];
    const byModel = (filter: object) => Object.fromEntries((store.factSums('requests', filter)['requests'] ?? []).map((r) => [r['model'], r['requests']]));
    expect(byModel({ sinceMs: since, untilMs: until })).toEqual({ sonnet: 1, opus: 2 });
    expect(byModel({ untilMs: until })).toEqual({ sonnet: 1, opus: 5 });
    expect(byModel({ sinceMs: since })).toEqual({ sonnet: 1, opus: 2, haiku: 2 });
    expect(byModel({ sinceMs: Date.parse('2026-11-02T23:00:00Z'), untilMs: Date.parse('2026-11-03T23:00:00Z') })).toEqual({ haiku: 2 });
    expect(byModel({ sinceMs: since, untilMs: until, models: ['haiku'] })).toEqual({});
    expect(byModel({ sinceMs: since, untilMs: until, models: ['haiku', 'sonnet'] })).toEqual({ sonnet: 1 });
    // The same days as periods of a view, in one query: each as that range alone.
    const days = store.mergedByPeriod({}, [[Date.parse('2026-10-31T23:00:00Z'), since], [since, until], [until, until + 86_400_000]], ['requests']);
    expect(days.map((d) => [d.period, d.plugins['requests']])).toEqual([
      [0, { requests: 3 }],
      [1, { requests: 3 }],
      [2, { requests: 2 }],
    ]);
    // What the rows alone say (a status filter reads no rollup): the same.
    expect(byModel({ sinceMs: since, untilMs: until, status: 'ended' })).toEqual({ sonnet: 1, opus: 2 });
    // While another process's rebuild has its rollups lag its rows (its mark in meta; here they are
    // empty), nothing is taken away from them: the partial days come from rows, never below zero.
    const db = new Database(dbFile(host));
    db.exec(`DELETE FROM "rollup:requests:requests"; INSERT INTO meta (key, value) VALUES ('rollups', 'rebuild by another process')`);
    expect(byModel({ sinceMs: since, untilMs: until })).toEqual({ sonnet: 1, opus: 2 });
    db.close();
    store.close();
  });

  it('rebuilds many sessions into the same rows and rollups as it wrote them one sync at a time', async () => {
    const host = await testHost([callsPlugin()]);
    const tools = ['Bash', 'Edit', 'Read'];
    const write = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const start = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
        journal(host, `s${i}`, start, 1 + (i % 4), { tool: tools[i % 3], agent: i % 2 ? 'claude' : 'codex', workspace: `/w/p${i % 5}` });
      }
    };
    // One session into an empty store (a bulk write), then the others on top of a non-empty store,
    // in two syncs: summed as written.
    write(0, 1);
    (await open(host)).close();
    write(1, 600);
    (await open(host)).close();
    write(600, 1_200);
    (await open(host)).close();
    const tables = (file: string) => {
      const db = new Database(file, { readonly: true });
      const read = (sql: string) => db.prepare(sql).all();
      const out = {
        rollup: read('SELECT * FROM "rollup:calls:calls" ORDER BY ":key"'),
        facts: read('SELECT s.id, f.bucket, f.tool, f.calls, f.ms FROM "facts:calls:calls" f JOIN sessions s ON s.key = f.id >> 24 ORDER BY s.id, f.bucket, f.tool'),
        sessions: read('SELECT id, agent, project, start_ms, end_ms, status FROM sessions ORDER BY id'),
        // A bulk write drops the indexes by time while it inserts: they are all back.
        indexes: read("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"),
        marks: read("SELECT key FROM meta WHERE key = 'rollups'"),
      };
      db.close();
      return out;
    };
    const written = tables(dbFile(host));
    expect(written.sessions).toHaveLength(1_200);
    expect(written.indexes).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'sessions_history' }), expect.objectContaining({ name: 'facts:calls:calls:bucket' })]));
    rmSync(dbFile(host));
    // All 1,200 into an empty store again: the bulk path, in folder order, rows inserted many at once.
    const store = await open(host);
    expect(calls(store)).toEqual({ calls: [...Array(1_200).keys()].reduce((sum, i) => sum + 1 + (i % 4), 0) });
    store.close();
    expect(tables(dbFile(host))).toEqual(written);
  }, 60_000);
});
