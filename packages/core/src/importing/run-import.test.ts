import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { STORE_VERSION } from '../database/schema.js';
import type { Host } from '../host/create-host.js';
import { countPlugin, tempDir, testHost } from '../testing/index.js';
import type { Importer } from './contract.js';
import { acquireImportLock, ImportRunningError } from './lock.js';
import { runImport } from './run-import.js';
import { IMPORT_TABLES_VERSION, ImportStateTooNewError } from './state-tables.js';

/** A tiny real importer: one session per file, `{sid, cwd, ts, kind, key?}` a line. */
const toy: Importer<{ named: boolean }> = {
  id: 'toy',
  apiVersion: 1,
  title: 'Toy',
  description: 'Toy logs for tests',
  defaultSources: ({ home }) => [path.join(home, 'toy')],
  discover: (dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => ({ path: path.join(dir, f), group: f.replace(/\..*$/, ''), part: f.includes('.sub') ? 1 : 0, format: 'jsonl' as const })),
  parse: ({ state, sink }) => {
    let named = state?.named ?? false;
    return {
      record: (raw) => {
        const r = raw as { sid: string; cwd: string; ts: string; kind: string; key?: string };
        if (!named) {
          sink.session({ originalId: r.sid, workspace: r.cwd, ts: r.ts });
          named = true;
        }
        if (r.kind === 'rewrite' && state) sink.restart('history rewritten');
        if (r.kind === 'broken') sink.restart('always');
        if (r.kind === 'tool') sink.emit({ type: 'tool.call', ts: r.ts, name: 'Edit', success: true });
        if (r.kind === 'resp' && sink.claim(r.key!)) sink.emit({ type: 'api.response', ts: r.ts, model: 'm', engine: 'e', tokens: { output: 1 } });
        if (r.kind === 'note') sink.touch(r.ts);
      },
      end: () => ({ named }),
    };
  },
  recordTime: (raw) => (raw as { ts?: string }).ts,
};

const line = (o: Record<string, unknown>): string => `${JSON.stringify(o)}\n`;

/** Runs SQL on the workspace's stats store through a connection of its own. */
function withDb<T>(host: Host, use: (db: Database.Database) => T): T {
  const db = new Database(host.paths.databaseFile);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** The sessions the import state holds, by group. */
const savedGroups = (host: Host): string[] => withDb(host, (db) => db.prepare("SELECT grp FROM import_sessions WHERE importer = 'toy' ORDER BY grp").pluck().all() as string[]);

/** Deletes the stats store, as a user may (it is a cache of the reports), and the import state in it. */
function deleteStore(host: Host): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(host.paths.databaseFile + suffix, { force: true });
}

/** Writes the import state in the JSON file of an earlier rad (version 2), from the store's tables, and empties the tables. */
function moveStateToJson(host: Host): Record<string, any> {
  const state = withDb(host, (db) => {
    const files = Object.fromEntries(
      (db.prepare("SELECT * FROM import_files WHERE importer = 'toy'").all() as Record<string, any>[]).map((f) => [
        f.path,
        { group: f.grp, size: f.size, mtimeMs: f.mtime_ms, ino: f.ino, offset: f.consumed, head: f.head, tail: f.tail, ...(f.parser ? { parser: JSON.parse(f.parser) } : {}) },
      ]),
    );
    const sessions = Object.fromEntries(
      (db.prepare("SELECT * FROM import_sessions WHERE importer = 'toy'").all() as Record<string, any>[]).map((s) => {
        const claims = db.prepare("SELECT key FROM import_claims WHERE importer = 'toy' AND grp = ?").pluck().all(s.grp) as string[];
        return [s.grp, { id: s.id, bodySize: s.body_size, journalSize: s.journal_size, firstTs: s.first_ts, lastTs: s.last_ts, ...(claims.length ? { claims } : {}) }];
      }),
    );
    db.exec('DELETE FROM import_files; DELETE FROM import_sessions; DELETE FROM import_claims');
    return { version: 2, importer: 'toy', files, sessions };
  });
  mkdirSync(host.paths.importsDir, { recursive: true });
  writeFileSync(path.join(host.paths.importsDir, 'toy.json'), JSON.stringify(state));
  return state;
}

async function setup() {
  const host = await testHost([countPlugin()]);
  const home = tempDir();
  const dir = path.join(home, 'toy');
  mkdirSync(dir);
  const rec = (sid: string, ts: string, kind: string, extra: Record<string, unknown> = {}) => line({ sid, cwd: host.paths.root, ts, kind, ...extra });
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: toy, home, env: {}, ...extra });
  const counts = async (id: string) => ((await host.store.load(id)).report.sections.count as { byType: Record<string, number> }).byType;
  return { host, dir, rec, run, counts };
}

describe('runImport', () => {
  it('imports a session into its journal and report, then reads nothing when nothing changed', async () => {
    const { host, dir, rec, run, counts } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), rec('s1', '2026-01-01T10:00:00.000Z', 'start') + rec('s1', '2026-01-01T10:00:05.000Z', 'tool'));
    const first = await run();
    expect(first.sessions.imported).toEqual(['toy-s1']);
    expect(first.files).toMatchObject({ found: 1, read: 1 });
    const { report } = await host.store.load('toy-s1');
    expect(report).toMatchObject({ source: 'import:toy', agent: 'toy', status: 'ended', startTime: '2026-01-01T10:00:00.000Z', endTime: '2026-01-01T10:00:05.000Z' });
    expect(await counts('toy-s1')).toEqual({ 'session.start': 1, 'tool.call': 1, 'session.end': 1 });
    const second = await run();
    expect(second.files).toMatchObject({ read: 0, unchanged: 1 });
    expect(second.sessions).toEqual({ imported: [], updated: [], unchanged: 1 });
    expect(second.bytesRead).toBe(0);
  });

  it('resumes a grown file where it stopped and ends with the numbers of a one-shot import', async () => {
    const a = await setup();
    const file = path.join(a.dir, 's1.jsonl');
    writeFileSync(file, a.rec('s1', '2026-01-01T10:00:00.000Z', 'start') + a.rec('s1', '2026-01-01T10:00:05.000Z', 'tool'));
    await a.run();
    const more = a.rec('s1', '2026-01-01T10:01:00.000Z', 'tool') + a.rec('s1', '2026-01-01T10:02:00.000Z', 'note');
    appendFileSync(file, more);
    const second = await a.run();
    expect(second.sessions.updated).toEqual(['toy-s1']);
    expect(second.bytesRead).toBe(Buffer.byteLength(more));
    const journal = readFileSync(a.host.paths.journalFile('toy-s1'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).type);
    expect(journal).toEqual(['session.start', 'tool.call', 'tool.call', 'session.end']);
    expect((await a.host.store.load('toy-s1')).report.endTime).toBe('2026-01-01T10:02:00.000Z');

    const b = await setup();
    writeFileSync(path.join(b.dir, 's1.jsonl'), readFileSync(file, 'utf8').replaceAll(JSON.stringify(a.host.paths.root), JSON.stringify(b.host.paths.root)));
    await b.run();
    expect(await a.counts('toy-s1')).toEqual(await b.counts('toy-s1'));
    expect(await a.counts('toy-s1')).toEqual({ 'session.start': 1, 'tool.call': 2, 'session.end': 1 });
  });

  it('folds a session imported from the start from the events it wrote, without reading its journal back; a resumed one from its journal', async () => {
    const { host, dir, rec, run, counts } = await setup();
    const readBack = vi.spyOn(host.folder, 'foldJournal');
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, rec('s1', '2026-01-01T10:00:00.000Z', 'start') + rec('s1', '2026-01-01T10:00:05.000Z', 'tool'));
    expect((await run()).sessions.imported).toEqual(['toy-s1']);
    expect(readBack).not.toHaveBeenCalled();
    appendFileSync(file, rec('s1', '2026-01-01T10:01:00.000Z', 'tool'));
    expect((await run()).sessions.updated).toEqual(['toy-s1']);
    expect(readBack).toHaveBeenCalledTimes(1);
    expect(await counts('toy-s1')).toEqual({ 'session.start': 1, 'tool.call': 2, 'session.end': 1 });
  });

  it('skips and counts a bad line, leaves a torn last line for the next run', async () => {
    const { dir, rec, run, counts } = await setup();
    const file = path.join(dir, 's1.jsonl');
    const last = rec('s1', '2026-01-01T10:00:09.000Z', 'tool');
    writeFileSync(file, rec('s1', '2026-01-01T10:00:00.000Z', 'tool') + 'not json\n' + last.slice(0, 20));
    const first = await run();
    expect(first.lines).toMatchObject({ invalid: 1, torn: 1 });
    expect(await counts('toy-s1')).toMatchObject({ 'tool.call': 1 });
    appendFileSync(file, last.slice(20));
    const second = await run();
    expect(second.lines).toMatchObject({ invalid: 0, torn: 0 });
    expect(await counts('toy-s1')).toMatchObject({ 'tool.call': 2, 'session.end': 1 });
  });

  it('re-imports a rewritten file from scratch', async () => {
    const { dir, rec, run, counts } = await setup();
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, rec('s1', '2026-01-01T10:00:00.000Z', 'tool') + rec('s1', '2026-01-01T10:00:01.000Z', 'tool'));
    await run();
    writeFileSync(file, rec('s1', '2026-01-01T11:00:00.000Z', 'tool'));
    const second = await run();
    expect(second.sessions.updated).toEqual(['toy-s1']);
    expect(await counts('toy-s1')).toEqual({ 'session.start': 1, 'tool.call': 1, 'session.end': 1 });
  });

  it('re-imports the session from the start when the parser asks to restart', async () => {
    const { dir, rec, run, counts } = await setup();
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, rec('s1', '2026-01-01T10:00:00.000Z', 'tool'));
    await run();
    appendFileSync(file, rec('s1', '2026-01-01T10:00:02.000Z', 'rewrite') + rec('s1', '2026-01-01T10:00:03.000Z', 'tool'));
    const second = await run();
    expect(second.sessions.updated).toEqual(['toy-s1']);
    expect(await counts('toy-s1')).toEqual({ 'session.start': 1, 'tool.call': 2, 'session.end': 1 });
  });

  it('drops a session whose importer fails, with a warning, and tries again next run', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), rec('s1', '2026-01-01T10:00:00.000Z', 'broken'));
    const result = await run();
    expect(result.skipped).toEqual([{ reason: 'importer error (see warnings)', files: 1 }]);
    expect(host.warnings.messages.join('\n')).toMatch(/Importer toy failed on .*s1\.jsonl/);
    expect(existsSync(host.paths.journalFile('toy-s1'))).toBe(false);
    expect((await run()).files.read).toBe(1);
  });

  it('imports only sessions inside the workspace unless asked for all projects, and says why', async () => {
    const { host, dir, run } = await setup();
    writeFileSync(path.join(dir, 'other.jsonl'), line({ sid: 'o', cwd: '/elsewhere/proj', ts: '2026-01-01T10:00:00.000Z', kind: 'tool' }));
    writeFileSync(path.join(dir, 'sub.jsonl'), line({ sid: 's', cwd: path.join(host.paths.root, 'pkg'), ts: '2026-01-01T10:00:00.000Z', kind: 'tool' }));
    const first = await run();
    expect(first.sessions.imported).toEqual(['toy-s']);
    expect(first.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 1 }]);
    const again = await run();
    expect(again.files.read).toBe(0);
    expect(again.skipped).toEqual([{ reason: 'outside this workspace (use --all-projects)', files: 1 }]);
    const all = await run({ allProjects: true });
    expect(all.sessions.imported).toEqual(['toy-o']);
    expect(existsSync(host.paths.reportFile('toy-o'))).toBe(true);
  });

  it('counts a response copied into another session once, for the session that logged it first', async () => {
    const { dir, rec, run, counts } = await setup();
    writeFileSync(path.join(dir, 'new.jsonl'), rec('new', '2026-01-01T09:00:00.000Z', 'resp', { key: 'r1' }) + rec('new', '2026-01-02T09:00:00.000Z', 'resp', { key: 'r2' }));
    writeFileSync(path.join(dir, 'old.jsonl'), rec('old', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    await run();
    expect((await counts('toy-old'))['api.response']).toBe(1);
    expect((await counts('toy-new'))['api.response']).toBe(1);
  });

  it('remembers which session holds a response across runs', async () => {
    const { dir, rec, run, counts } = await setup();
    writeFileSync(path.join(dir, 'old.jsonl'), rec('old', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    await run();
    writeFileSync(path.join(dir, 'new.jsonl'), rec('new', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('new', '2026-01-02T09:00:00.000Z', 'resp', { key: 'r2' }));
    await run();
    expect((await counts('toy-new'))['api.response']).toBe(1);
    expect((await counts('toy-old'))['api.response']).toBe(1);
  });

  it('keeps de-duplication keys exactly, as the importer gave them, in the import state', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 'old.jsonl'), rec('old', '2026-01-01T08:00:00.000Z', 'resp', { key: 'msg_1:req_1' }) + rec('old', '2026-01-01T08:00:01.000Z', 'resp', { key: 'msg_1:req_2' }));
    await run();
    const keys = withDb(host, (db) => db.prepare("SELECT key FROM import_claims WHERE importer = 'toy' AND grp = 'old' ORDER BY key").pluck().all());
    expect(keys).toEqual(['msg_1:req_1', 'msg_1:req_2']);
  });

  it('keeps the import state in the stats store, not in a file: a later run in another process reads nothing', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), rec('s1', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    writeFileSync(path.join(dir, 's2.jsonl'), rec('s2', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('s2', '2026-01-02T09:00:00.000Z', 'tool'));
    await run();
    expect(existsSync(path.join(host.paths.importsDir, 'toy.json'))).toBe(false);
    expect(savedGroups(host)).toEqual(['s1', 's2']);
    const later = await testHost([countPlugin()], { workspace: host.paths.root });
    const again = await runImport(later, { importer: toy, home: path.dirname(dir), env: {} });
    expect(again.files).toMatchObject({ found: 2, read: 0, unchanged: 2 });
    expect(again.sessions).toEqual({ imported: [], updated: [], unchanged: 2 });
  });

  it('moves the JSON import state of an earlier rad into the stats store once, then removes the file', async () => {
    const { host, dir, rec, run, counts } = await setup();
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, rec('s1', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    writeFileSync(path.join(dir, 's2.jsonl'), rec('s2', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('s2', '2026-01-02T09:00:00.000Z', 'resp', { key: 'r2' }));
    await run();
    moveStateToJson(host);
    const stateFile = path.join(host.paths.importsDir, 'toy.json');
    expect(savedGroups(host)).toEqual([]);
    const again = await run();
    expect(again.files.read).toBe(0);
    expect(existsSync(stateFile)).toBe(false);
    expect(savedGroups(host)).toEqual(['s1', 's2']);
    // The keys came along: a grown session resumes and a copied response is still counted once.
    appendFileSync(file, rec('s1', '2026-01-01T08:05:00.000Z', 'resp', { key: 'r2' }) + rec('s1', '2026-01-01T08:06:00.000Z', 'resp', { key: 'r3' }));
    const grown = await run();
    expect(grown.sessions.updated).toEqual(['toy-s1']);
    expect((await counts('toy-s1'))['api.response']).toBe(2);
    expect((await counts('toy-s2'))['api.response']).toBe(1);
    expect(host.warnings.messages).toEqual([]);
  });

  it('imports every session again, once, from an older import state that kept keys as hashes, with the same totals', async () => {
    const { host, dir, rec, run, counts } = await setup();
    writeFileSync(path.join(dir, 'old.jsonl'), rec('old', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    writeFileSync(path.join(dir, 'new.jsonl'), rec('new', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('new', '2026-01-02T09:00:00.000Z', 'resp', { key: 'r2' }));
    await run();
    const state = moveStateToJson(host);
    state.version = 1;
    for (const s of Object.values(state.sessions) as { claims?: unknown }[]) s.claims = Buffer.alloc(8).toString('base64');
    writeFileSync(path.join(host.paths.importsDir, 'toy.json'), JSON.stringify(state));
    const again = await run();
    expect(host.warnings.messages.join('\n')).toMatch(/toy\.json was written by an older version of rad; every toy session is imported again/);
    expect(again.files.read).toBe(2);
    expect((await counts('toy-old'))['api.response']).toBe(1);
    expect((await counts('toy-new'))['api.response']).toBe(1);
    expect(withDb(host, (db) => db.prepare("SELECT key FROM import_claims WHERE grp = 'new'").pluck().all())).toEqual(['r2']);
    expect((await run()).files.read).toBe(0);
  });

  it('keeps an older import state that holds no keys, reading nothing again', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), rec('s1', '2026-01-01T08:00:00.000Z', 'tool'));
    await run();
    const state = moveStateToJson(host);
    writeFileSync(path.join(host.paths.importsDir, 'toy.json'), JSON.stringify({ ...state, version: 1 }));
    expect((await run()).files.read).toBe(0);
    expect(host.warnings.messages).toEqual([]);
  });

  it('imports every session again after the stats store was deleted, with the same totals and ids', async () => {
    const { host, dir, rec, run, counts } = await setup();
    const copied = path.join(dir, 'new.jsonl');
    writeFileSync(path.join(dir, 'old.jsonl'), rec('old', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('old', '2026-01-01T08:01:00.000Z', 'tool'));
    await run();
    // A session resumed from `old` copies its response, then grows over two runs.
    writeFileSync(copied, rec('new', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('new', '2026-01-02T09:00:00.000Z', 'resp', { key: 'r2' }));
    await run();
    appendFileSync(copied, rec('new', '2026-01-02T10:00:00.000Z', 'resp', { key: 'r3' }));
    await run();
    const before = { old: await counts('toy-old'), new: await counts('toy-new') };
    deleteStore(host);
    const again = await run();
    expect(again.files.read).toBe(2);
    expect(again.sessions.imported.sort()).toEqual(['toy-new', 'toy-old']);
    expect({ old: await counts('toy-old'), new: await counts('toy-new') }).toEqual(before);
    expect(before.new).toEqual({ 'session.start': 1, 'api.response': 2, 'session.end': 1 });
    expect(readdirSync(host.paths.sessionsDir).sort()).toEqual(['toy-new.events.jsonl', 'toy-new.json', 'toy-old.events.jsonl', 'toy-old.json']);
    expect((await run()).files.read).toBe(0);
  });

  it('keeps the import state when the stats cache is remade for a new store version', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), rec('s1', '2026-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    await run();
    // As a store written before the current STORE_VERSION: the cache's tables are dropped and made again.
    withDb(host, (db) => db.pragma(`user_version = ${STORE_VERSION - 1}`));
    const store = await host.catalog.store();
    expect(store.ids()).toEqual(['toy-s1']);
    expect(withDb(host, (db) => db.pragma('user_version', { simple: true }))).toBe(STORE_VERSION);
    const again = await run();
    expect(again.files.read).toBe(0);
    writeFileSync(path.join(dir, 's2.jsonl'), rec('s2', '2026-01-02T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('s2', '2026-01-02T09:00:00.000Z', 'tool'));
    expect((await run()).sessions.imported).toEqual(['toy-s2']);
    expect((await host.store.load('toy-s2')).report.sections.count).toMatchObject({ byType: { 'tool.call': 1 } });
  });

  it('refuses import state written by a newer rad, naming the file and what to do', async () => {
    const { host, run } = await setup();
    await run();
    withDb(host, (db) => db.prepare("UPDATE import_meta SET value = ? WHERE key = 'version'").run(String(IMPORT_TABLES_VERSION + 1)));
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportStateTooNewError);
    expect((error as Error).message).toBe(`${host.paths.databaseFile} holds import state written by a newer rad (version ${IMPORT_TABLES_VERSION + 1}; this rad knows up to ${IMPORT_TABLES_VERSION}): upgrade rad, or delete the file to import every session again.`);
  });

  it('counts nothing twice when two imports of one agent start at once: the second is refused while the first runs', async () => {
    const { dir, rec, run, counts } = await setup();
    for (let i = 1; i <= 3; i++) writeFileSync(path.join(dir, `s${i}.jsonl`), rec(`s${i}`, `2026-01-0${i}T08:00:00.000Z`, 'resp', { key: 'r1' }) + rec(`s${i}`, `2026-01-0${i}T09:00:00.000Z`, 'resp', { key: `r${i + 1}` }));
    const [a, b] = await Promise.allSettled([run(), run()]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    expect(((a.status === 'rejected' ? a : b) as PromiseRejectedResult).reason).toBeInstanceOf(ImportRunningError);
    expect([await counts('toy-s1'), await counts('toy-s2'), await counts('toy-s3')].map((c) => c['api.response'])).toEqual([2, 1, 1]);
    expect((await run()).files.read).toBe(0);
  });

  it('refuses to run twice at once in one workspace', async () => {
    const { host, run } = await setup();
    const release = acquireImportLock(host.paths.importsDir, 'toy');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(path.join(host.paths.importsDir, 'toy.lock'), JSON.stringify({ pid: other.pid, host: hostname() }));
      await expect(run()).rejects.toThrow(ImportRunningError);
    } finally {
      other.kill();
      await once(other, 'exit');
      release();
    }
    // The holder died, so its lock is stale and the next run takes it over.
    expect((await run()).files.found).toBe(0);
  });

  it('imports a session with records since --since whole, whatever its file modification time says', async () => {
    const { host, dir, rec, run, counts } = await setup();
    const file = path.join(dir, 'restored.jsonl');
    writeFileSync(file, rec('restored', '2025-05-31T22:00:00.000Z', 'tool') + rec('restored', '2025-06-02T08:00:00.000Z', 'tool'));
    // A restored or copied (cp -p) log keeps an old modification time.
    utimesSync(file, new Date('2025-01-01T09:00:00Z'), new Date('2025-01-01T09:00:00Z'));
    const result = await run({ since: new Date('2025-06-01T00:00:00Z') });
    expect(result.sessions.imported).toEqual(['toy-restored']);
    expect(result.skipped).toEqual([]);
    expect(await counts('toy-restored')).toEqual({ 'session.start': 1, 'tool.call': 2, 'session.end': 1 });
    expect((await host.store.load('toy-restored')).report.startTime).toBe('2025-05-31T22:00:00.000Z');
  });

  it('leaves out a session whose records are all before --since though its file was just written, and remembers it', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 'touched.jsonl'), rec('touched', '2025-01-01T08:00:00.000Z', 'tool') + rec('touched', '2025-05-31T23:59:59.000Z', 'note'));
    const since = new Date(2025, 5, 1);
    const first = await run({ since });
    expect(first.sessions.imported).toEqual([]);
    expect(first.skipped).toEqual([{ reason: 'no records since 2025-06-01', files: 1 }]);
    expect(existsSync(host.paths.journalFile('toy-touched'))).toBe(false);
    expect(existsSync(host.paths.reportFile('toy-touched'))).toBe(false);
    const again = await run({ since: new Date(2025, 6, 1) });
    expect(again.files.read).toBe(0);
    expect(again.skipped).toEqual([{ reason: 'no records since 2025-07-01', files: 1 }]);
    const earlier = await run({ since: new Date('2025-05-31T12:00:00Z') });
    expect(earlier.sessions.imported).toEqual(['toy-touched']);
  });

  it('keeps a session imported before when --since runs after its import state was lost', async () => {
    const { host, dir, rec, run } = await setup();
    writeFileSync(path.join(dir, 'kept.jsonl'), rec('kept', '2025-01-01T08:00:00.000Z', 'tool'));
    await run();
    deleteStore(host);
    const result = await run({ since: new Date('2025-06-01T00:00:00Z') });
    expect(result.skipped).toEqual([]);
    expect(existsSync(host.paths.reportFile('toy-kept'))).toBe(true);
  });

  it('keeps the responses of a session left out by --since from being counted for a session that copied them', async () => {
    const { dir, rec, run, counts } = await setup();
    const old = path.join(dir, 'old.jsonl');
    writeFileSync(old, rec('old', '2025-01-01T08:00:00.000Z', 'resp', { key: 'r1' }));
    utimesSync(old, new Date('2025-01-01T09:00:00Z'), new Date('2025-01-01T09:00:00Z'));
    writeFileSync(path.join(dir, 'new.jsonl'), rec('new', '2025-01-01T08:00:00.000Z', 'resp', { key: 'r1' }) + rec('new', '2025-07-01T09:00:00.000Z', 'resp', { key: 'r2' }));
    const result = await run({ since: new Date('2025-06-01T00:00:00Z') });
    expect(result.sessions.imported).toEqual(['toy-new']);
    expect((await counts('toy-new'))['api.response']).toBe(1);
  });

  it('keeps the sessions an interrupted import finished, and the next import adds the rest exactly once', async () => {
    const { host, dir, rec, run, counts } = await setup();
    for (let i = 1; i <= 5; i++) writeFileSync(path.join(dir, `s${i}.jsonl`), rec(`s${i}`, `2026-01-0${i}T08:00:00.000Z`, 'resp', { key: `r${i}` }));
    // s4 resumes s1 and copies its response: still s1's after the interruption.
    appendFileSync(path.join(dir, 's4.jsonl'), rec('s4', '2026-01-04T08:01:00.000Z', 'resp', { key: 'r1' }));
    const stop = new Error('interrupted');
    // Stops the run after its third session, one session into the second batch of two.
    const interrupted = run({ batchSessions: 2, onProgress: (p) => { if (p.sessionsDone === 3) throw stop; } });
    await expect(interrupted).rejects.toBe(stop);
    expect(savedGroups(host)).toEqual(['s1', 's2', 's3']);
    const rest = await run({ batchSessions: 2 });
    expect(rest.sessions.imported.sort()).toEqual(['toy-s4', 'toy-s5']);
    expect(rest.files.read).toBe(2);
    for (let i = 1; i <= 5; i++) expect((await counts(`toy-s${i}`))['api.response']).toBe(1);
    const again = await run({ batchSessions: 2 });
    expect(again.files.read).toBe(0);
    expect(again.sessions).toEqual({ imported: [], updated: [], unchanged: 5 });
  });

  it('imports a session again from the start when a run stopped after writing its report but before saving its state, counting it once', async () => {
    const { host, dir, rec, run, counts } = await setup();
    const file = (i: number): string => path.join(dir, `s${i}.jsonl`);
    for (const i of [1, 2, 3]) writeFileSync(file(i), rec(`s${i}`, `2026-01-0${i}T08:00:00.000Z`, 'resp', { key: `a${i}` }));
    await run();
    // Every session grows; s2 also copies s1's response, which stays s1's.
    const grown = (i: number): string => rec(`s${i}`, `2026-01-0${i}T09:00:00.000Z`, 'resp', { key: `b${i}` }) + (i === 2 ? rec('s2', '2026-01-02T09:30:00.000Z', 'resp', { key: 'a1' }) : '');
    for (const i of [1, 2, 3]) appendFileSync(file(i), grown(i));
    const save = host.store.save.bind(host.store);
    const stop = new Error('killed');
    // Killed right after s2's report is written: its journal has grown, its state has not.
    host.store.save = async (report, options) => {
      const written = await save(report, options);
      if (report.sessionId === 'toy-s2') throw stop;
      return written;
    };
    await expect(run()).rejects.toBe(stop);
    host.store.save = save;
    const rest = await run();
    expect(rest.sessions.updated).toContain('toy-s2');
    // s2 is read whole again; the others only where they stopped, if the killed run had not got to them.
    expect(rest.bytesRead).toBeGreaterThanOrEqual(readFileSync(file(2)).length);
    expect(rest.bytesRead).toBeLessThanOrEqual(readFileSync(file(2)).length + Buffer.byteLength(grown(1) + grown(3)));
    for (const i of [1, 2, 3]) expect(await counts(`toy-s${i}`)).toEqual({ 'session.start': 1, 'api.response': 2, 'session.end': 1 });
    expect((await run()).files.read).toBe(0);
  });

  it('writes the sessions it imports into an open stats store, batch by batch', async () => {
    const { host, dir, rec, run } = await setup();
    for (let i = 1; i <= 3; i++) writeFileSync(path.join(dir, `s${i}.jsonl`), rec(`s${i}`, `2026-01-0${i}T08:00:00.000Z`, 'tool'));
    const store = await host.catalog.store();
    expect(store.count()).toBe(0);
    await run({ batchSessions: 2 });
    // The store is not synced again within a run: the rows come from the import's batches.
    expect(store.ids()).toEqual(['toy-s3', 'toy-s2', 'toy-s1']);
  });

  it('names missing default folders instead of failing', async () => {
    const { run } = await setup();
    const result = await run({ sources: ['/no/such/folder'] });
    expect(result.sources).toEqual([{ path: '/no/such/folder', exists: false }]);
    expect(result.files.found).toBe(0);
  });
});
