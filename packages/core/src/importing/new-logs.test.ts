import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPlugin, tempDir, testHost } from '../testing/index.js';
import type { Importer } from './contract.js';
import { hasNewLogs } from './new-logs.js';
import { runImport } from './run-import.js';
import { emptyImportState } from './state.js';
import { ImportStateStore } from './state-store.js';

/** One session per `.jsonl` file, `{sid, cwd, ts}` a line; files named `ignored-*` are ruled out by their path. */
const toy: Importer = {
  id: 'toy',
  apiVersion: 1,
  title: 'Toy',
  description: 'Toy logs for tests',
  defaultSources: ({ home }) => [path.join(home, 'toy')],
  discover: (dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => ({ path: path.join(dir, f), group: f, part: 0, format: 'jsonl' as const, ...(f.startsWith('ignored-') ? { skip: 'ruled out by name' } : {}) })),
  parse: ({ state, sink }) => {
    let named = state !== undefined;
    return {
      record: (raw) => {
        const r = raw as { sid: string; cwd: string; ts: string };
        if (!named && sink.session({ originalId: r.sid, workspace: r.cwd, ts: r.ts }) !== 'ok') return;
        named = true;
        sink.emit({ type: 'tool.call', ts: r.ts, name: 'Edit', success: true });
      },
      end: () => ({}),
    };
  },
};

async function setup() {
  const host = await testHost([countPlugin()]);
  const home = tempDir();
  const dir = path.join(home, 'toy');
  mkdirSync(dir);
  const line = (sid: string, ts: string, cwd = host.paths.root) => `${JSON.stringify({ sid, cwd, ts })}\n`;
  const options = { home, env: {} };
  const anythingNew = (allProjects = false) => hasNewLogs(host, toy, { ...options, allProjects });
  const run = (extra: Partial<Parameters<typeof runImport>[1]> = {}) => runImport(host, { importer: toy, ...options, ...extra });
  return { host, home, dir, line, anythingNew, run };
}

describe('hasNewLogs', () => {
  it('sees a new file, then nothing once it is imported, then a grown file', async () => {
    const { dir, line, anythingNew, run } = await setup();
    const file = path.join(dir, 's1.jsonl');
    expect(await anythingNew()).toBe(false);
    writeFileSync(file, line('s1', '2026-01-01T10:00:00.000Z'));
    expect(await anythingNew()).toBe(true);
    await run();
    expect(await anythingNew()).toBe(false);
    appendFileSync(file, line('s1', '2026-01-01T10:01:00.000Z'));
    expect(await anythingNew()).toBe(true);
    await run();
    expect(await anythingNew()).toBe(false);
  });

  it('sees a file touched or replaced with the same size', async () => {
    const { dir, line, anythingNew, run } = await setup();
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, line('s1', '2026-01-01T10:00:00.000Z'));
    await run();
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(await anythingNew()).toBe(true);
  });

  it('sees a touch and a rename after the listing was noted as settled', async () => {
    const { dir, line, anythingNew, run } = await setup();
    const file = path.join(dir, 's1.jsonl');
    writeFileSync(file, line('s1', '2026-01-01T10:00:00.000Z'));
    await run();
    // The second check answers from the note the first one left.
    expect(await anythingNew()).toBe(false);
    expect(await anythingNew()).toBe(false);
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(await anythingNew()).toBe(true);
    await run();
    expect(await anythingNew()).toBe(false);
    renameSync(file, path.join(dir, 's2.jsonl'));
    expect(await anythingNew()).toBe(true);
  });

  it('has nothing new in a folder that does not exist, or one that vanished', async () => {
    const { dir, line, anythingNew, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), line('s1', '2026-01-01T10:00:00.000Z'));
    await run();
    rmSync(dir, { recursive: true });
    expect(await anythingNew()).toBe(false);
  });

  it('passes over files the importer rules out by their path', async () => {
    const { dir, line, anythingNew } = await setup();
    writeFileSync(path.join(dir, 'ignored-s1.jsonl'), line('s1', '2026-01-01T10:00:00.000Z'));
    expect(await anythingNew()).toBe(false);
  });

  it('counts a session skipped as outside the workspace as settled for this workspace only', async () => {
    const { dir, line, anythingNew, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), line('s1', '2026-01-01T10:00:00.000Z', '/somewhere/else'));
    expect((await run()).sessions.imported).toEqual([]);
    expect(await anythingNew()).toBe(false);
    expect(await anythingNew(true)).toBe(true);
    expect((await run({ allProjects: true })).sessions.imported).toEqual(['toy-s1']);
    expect(await anythingNew(true)).toBe(false);
  });

  it('sees a session an earlier --since left out, which an import without --since reads', async () => {
    const { dir, line, anythingNew, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), line('s1', '2026-01-01T10:00:00.000Z'));
    expect((await run({ since: new Date('2026-06-01T00:00:00Z') })).sessions.imported).toEqual([]);
    expect(await anythingNew()).toBe(true);
  });

  it('looks again at a listing it found settled once the import state changes under it', async () => {
    const { host, dir, line, anythingNew, run } = await setup();
    writeFileSync(path.join(dir, 's1.jsonl'), line('s1', '2026-01-01T10:00:00.000Z'));
    await run();
    expect(await anythingNew()).toBe(false);
    expect(await anythingNew()).toBe(false);
    // The same files, a state that no longer records them (as when an earlier rad's state file is moved in).
    const state = ImportStateStore.open(host.paths.databaseFile, 'toy', () => {});
    state.replace(emptyImportState('toy'));
    state.close();
    expect(await anythingNew()).toBe(true);
  });
});
