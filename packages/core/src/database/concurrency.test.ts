import 'reflect-metadata';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../host/create-host.js';
import { callsPlugin, collectingWarnings, tempWorkspace } from '../testing/index.js';
import { StatsStore } from './stats-store.js';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const coreRoot = path.resolve(here, '..', '..');

/** Tool calls over every report file: the truth the store must agree with. */
function callsInReports(host: Host): { sessions: number; calls: number } {
  const reports = readdirSync(host.paths.sessionsDir).filter((n) => n.endsWith('.json'));
  const calls = reports.reduce((n, name) => n + (JSON.parse(readFileSync(path.join(host.paths.sessionsDir, name), 'utf8')).sections.calls.calls as number), 0);
  return { sessions: reports.length, calls };
}

function openStore(host: Host): StatsStore {
  return StatsStore.open({ reports: host.store, plugins: host.plugins, warn: host.warnings.warn });
}

describe('the stats store under several processes', () => {
  beforeAll(() => {
    // The child processes use the built core, as a runtime in another process would.
    if (!existsSync(path.join(coreRoot, 'dist', 'index.js'))) throw new Error('build @radium-stats/core first');
  });

  it('loses no session while 8 processes record and read at once, and totals equal the sum over reports', async () => {
    const workspace = await tempWorkspace();
    const processes = 8;
    const each = 10;
    const script = path.join(here, 'fixtures', 'record-and-read.mjs');
    await Promise.all(Array.from({ length: processes }, (_, p) => run(process.execPath, [script, workspace, `p${p}`, String(each)])));
    const host = createHost({ workspace, plugins: [callsPlugin()], env: {}, warnings: collectingWarnings() });
    const truth = callsInReports(host);
    expect(truth.sessions).toBe(processes * each);
    const store = openStore(host);
    // Without a sync: what the processes left in the database is already complete.
    expect(store.count()).toBe(processes * each);
    expect(store.merged().plugins['calls']?.section).toEqual({ calls: truth.calls });
    await store.sync(true);
    expect(store.merged().plugins['calls']?.section).toEqual({ calls: truth.calls });
    expect(host.warnings.messages).toEqual([]);
    store.close();
  }, 120_000);

  it('opens and agrees with the reports after a rebuild is killed with SIGKILL', async () => {
    const workspace = await tempWorkspace();
    const host = createHost({ workspace, plugins: [callsPlugin()], env: {}, warnings: collectingWarnings() });
    const sessions = 1_000;
    for (let i = 0; i < sessions; i++) {
      const ts = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      const lines = [
        { type: 'session.start', ts, sessionId: `s${i}`, workspace },
        { type: 'tool.call', ts, name: 'Bash', durationMs: 1, success: true },
        { type: 'session.end', ts },
      ];
      writeFileSync(host.paths.journalFile(`s${i}`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    }
    // Reports first (folding journals), so the killed process only rebuilds the store.
    const first = openStore(host);
    await first.sync();
    first.close();
    let killed = 0;
    for (const delay of [5, 50, 150]) {
      const child = spawn(process.execPath, [path.join(here, 'fixtures', 'rebuild.mjs'), workspace], { stdio: ['ignore', 'pipe', 'ignore'] });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      killed += child.signalCode === 'SIGKILL' ? 1 : 0;
      const store = openStore(host);
      await store.sync(true);
      expect(store.count()).toBe(sessions);
      expect(store.merged().plugins['calls']?.section).toEqual({ calls: sessions });
      store.close();
    }
    // At least one kill landed mid-rebuild (the others may come after a fast rebuild finished).
    expect(killed).toBeGreaterThan(0);
  }, 120_000);
});
