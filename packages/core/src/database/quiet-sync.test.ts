import { statSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { callsPlugin, testHost } from '../testing/index.js';
import { StatsStore } from './stats-store.js';

const past = new Date('2026-01-01T00:00:00Z');

describe('a sync that finds nothing new', () => {
  it('writes nothing to the store file, and names the files it would read again with the stamps it read them with', async () => {
    const host = await testHost([callsPlugin()]);
    const ended = [{ type: 'session.start', ts: '2026-11-01T10:00:00Z', sessionId: 's1', workspace: host.paths.root }, { type: 'session.end', ts: '2026-11-01T10:01:00Z' }];
    writeFileSync(host.paths.journalFile('s1'), ended.map((e) => `${JSON.stringify(e)}\n`).join(''));
    // An unreadable report: read again at every sync while it changes.
    writeFileSync(host.paths.reportFile('broken'), '{not json');
    utimesSync(host.paths.reportFile('broken'), past, past);
    const sync = async () => {
      const store = StatsStore.open({ reports: host.store, plugins: host.plugins, warn: () => {} });
      await store.sync();
      const rechecked = store.recheckedSessions();
      store.close();
      return rechecked;
    };
    // The first sync folds s1 and writes its report; the second reads that report.
    await sync();
    const age = () => [host.paths.sessionsDir, host.paths.reportFile('s1'), host.paths.journalFile('s1')].forEach((f) => utimesSync(f, past, past));
    age();
    const rechecked = await sync();
    expect(rechecked).toEqual([{ id: 'broken', live: false, report: { size: 9, mtimeMs: past.getTime() }, journal: { size: null, mtimeMs: null } }]);
    const file = host.paths.databaseFile;
    const before = statSync(file);
    // Nothing changed but the time that passed: the third sync writes nothing.
    age();
    expect(await sync()).toEqual(rechecked);
    const after = statSync(file);
    expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
  });
});
