import 'reflect-metadata';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../host/create-host.js';
import { collectingWarnings, countPlugin, tempWorkspace } from '../testing/index.js';
import type { CountSection } from '../testing/count-plugin.js';
import { LOCK_FILE } from './index-lock.js';
import { readManifest } from './manifest.js';
import { readSegmentKeys, readSegmentRows } from './segment-files.js';
import { at, countReport, settle } from './test-support.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const coreRoot = path.resolve(here, '..', '..');

const hostFor = (workspace: string): Host => createHost({ workspace, plugins: [countPlugin()], env: {}, warnings: collectingWarnings() });

/** Every file the manifest names is whole and every session is in exactly one segment. */
function assertConsistent(host: Host): string[] {
  const manifest = readManifest(host.paths.indexDir);
  expect(manifest).toBeDefined();
  const ids: string[] = [];
  for (const meta of manifest!.segments) {
    const keys = readSegmentKeys(host.paths.indexDir, meta);
    const rows = readSegmentRows(host.paths.indexDir, meta);
    expect(rows.map((r) => r.id)).toEqual(keys.ids);
    ids.push(...keys.ids);
  }
  expect(new Set(ids).size).toBe(ids.length);
  return ids;
}

describe('summary index under concurrent processes', () => {
  beforeAll(() => {
    // The child processes use the built core, as a runtime in another process would.
    if (!existsSync(path.join(coreRoot, 'dist', 'index.js'))) throw new Error('build @radium-stats/core first (tsc -p tsconfig.build.json)');
  });

  it('ends with every session of several recording processes indexed, and no damaged file', async () => {
    const workspace = await tempWorkspace();
    const processes = 4;
    const each = 12;
    const script = path.join(here, 'fixtures', 'record-sessions.mjs');
    await Promise.all(Array.from({ length: processes }, (_, p) => run(process.execPath, [script, workspace, `p${p}`, String(each)])));
    const host = hostFor(workspace);
    const page = await host.catalog.page(0, 100);
    expect(page.total).toBe(processes * each);
    expect(new Set(page.items.map((s) => s.sessionId)).size).toBe(processes * each);
    expect(((await host.catalog.merged()).plugins.count?.section as CountSection).byType['tool.call']).toBe(processes * each);
    expect(assertConsistent(host).sort()).toEqual(page.items.map((s) => s.sessionId).sort());
    expect(host.warnings.messages).toEqual([]);
    expect(existsSync(path.join(host.paths.indexDir, LOCK_FILE))).toBe(false);
  }, 120_000);

  it('recovers from a writer that crashed mid-update: stale lock, temp files and orphan segments', async () => {
    const workspace = await tempWorkspace();
    const host = hostFor(workspace);
    for (let i = 0; i < 3; i++) await host.store.save(countReport(`s${i}`, at(i), 1));
    await host.catalog.page(0, 10);
    settle(host);
    await host.catalog.page(0, 10);
    // The crashed writer: its lock (a pid that has exited), a half-written manifest temp file and
    // a segment it wrote but never put in a manifest.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const dir = host.paths.indexDir;
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: dead, host: hostname(), at: new Date().toISOString() }));
    writeFileSync(path.join(dir, '.manifest.json.999.abc.tmp'), '{"format":1,"segm');
    writeFileSync(path.join(dir, 'seg-orphan-0.rows.jsonl'), '{"id":"ghost"');
    await host.store.save(countReport('s3', at(3), 1));
    const after = hostFor(workspace);
    expect((await after.catalog.page(0, 10)).items.map((s) => s.sessionId)).toEqual(['s3', 's2', 's1', 's0']);
    // The stale lock was taken over: the repair was written, and the lock released.
    expect(readManifest(dir)!.segments[0]!.count).toBe(4);
    expect(readdirSync(dir)).not.toContain(LOCK_FILE);
    expect(after.warnings.messages).toEqual([]);
  });

  it('answers from memory when another live process holds the lock, and leaves the index to it', async () => {
    const workspace = await tempWorkspace();
    const host = hostFor(workspace);
    for (let i = 0; i < 2; i++) await host.store.save(countReport(`s${i}`, at(i), 1));
    await host.catalog.page(0, 10);
    const dir = host.paths.indexDir;
    const before = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), at: new Date().toISOString() }));
    await host.store.save(countReport('s2', at(2), 1));
    expect((await hostFor(workspace).catalog.page(0, 10)).items.map((s) => s.sessionId)).toEqual(['s2', 's1', 's0']);
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe(before);
  });
});
