import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../errors.js';
import { parseEvent } from '../events/parse.js';
import { countPlugin, tempDir, testHost } from '../testing/index.js';
import { recorderAlive } from './liveness.js';
import { processStartMs } from './process-start.js';

/** A journal with only a `session.start` naming a recorder on this host. */
function journalOf(file: string, recorder: Record<string, unknown>): void {
  const start = { type: 'session.start', ts: new Date().toISOString(), sessionId: path.basename(file).split('.')[0], workspace: '/w', host: hostname(), ...recorder };
  writeFileSync(file, `${JSON.stringify(start)}\n`);
}

describe('telling a live recorder from a process that got its pid later', () => {
  it('shows a session as abandoned when its pid now belongs to a process that started at another time, and as live when the start time matches', async () => {
    const host = await testHost([countPlugin()]);
    const startedMs = processStartMs(process.pid);
    expect(startedMs, '/proc/<pid>/stat should tell when this process started').not.toBeNull();
    journalOf(host.paths.journalFile('reused'), { pid: process.pid, pidStartedAt: new Date(startedMs! - 3_600_000).toISOString() });
    journalOf(host.paths.journalFile('same'), { pid: process.pid, pidStartedAt: new Date(startedMs!).toISOString() });
    journalOf(host.paths.journalFile('older-recorder'), { pid: process.pid });
    expect((await host.store.load('reused')).report.status).toBe('abandoned');
    expect((await host.store.load('same')).report.status).toBe('live');
    expect((await host.store.load('older-recorder')).report.status).toBe('live');
  });

  it('records when the recorder process started, next to its pid', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    const start = JSON.parse(readFileSync(host.paths.journalFile(rec.sessionId), 'utf8').split('\n')[0]!) as { pid: number; pidStartedAt: string };
    expect(start.pid).toBe(process.pid);
    expect(Math.abs(Date.parse(start.pidStartedAt) - (Date.now() - process.uptime() * 1000))).toBeLessThan(5_000);
    expect((await host.store.load(rec.sessionId)).report.status).toBe('live');
    expect(() => parseEvent({ ...start, type: 'session.start', ts: start.pidStartedAt, sessionId: 's', workspace: '/w', pidStartedAt: 'at boot' })).toThrow(InvalidEventError);
  });

  it('reads field 22 of /proc/<pid>/stat after the command name, even one holding spaces and parentheses', () => {
    const proc = tempDir();
    writeFileSync(path.join(proc, 'stat'), 'cpu  1 2 3\nbtime 1700000000\nprocesses 9\n');
    mkdirSync(path.join(proc, String(process.pid)));
    const after = ['S', ...Array.from({ length: 18 }, (_, i) => String(i + 4)), '4250', '99', '100'].join(' ');
    writeFileSync(path.join(proc, String(process.pid), 'stat'), `${process.pid} (odd ) (name) ${after}\n`);
    expect(processStartMs(process.pid, proc)).toBe(1_700_000_000_000 + 42_500);
    expect(recorderAlive(process.pid, new Date(1_700_000_042_500).toISOString(), proc)).toBe(true);
    expect(recorderAlive(process.pid, new Date(1_700_000_100_000).toISOString(), proc)).toBe(false);
  });

  it('falls back to the pid alone where /proc cannot tell the start time', () => {
    const noProc = path.join(tempDir(), 'missing');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    expect(recorderAlive(process.pid, '2001-01-01T00:00:00.000Z', noProc)).toBe(true);
    expect(recorderAlive(dead, '2001-01-01T00:00:00.000Z', noProc)).toBe(false);
  });
});
