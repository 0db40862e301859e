import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SessionStateError } from '../errors.js';
import { countPlugin, testHost } from '../testing/index.js';

describe('recorder', () => {
  it('journals every event as it happens and writes the report at the end', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start({ agent: 'test' });
    rec.record({ type: 'tool.call', name: 'Edit', durationMs: 5, success: true });
    const journal = readFileSync(host.paths.journalFile(rec.sessionId), 'utf8').trim().split('\n');
    expect(journal.map((l) => JSON.parse(l).type)).toEqual(['session.start', 'tool.call']);
    const report = await rec.end();
    expect(report.status).toBe('ended');
    expect(report.sections.count).toEqual({ byType: { 'session.start': 1, 'tool.call': 1, 'session.end': 1 } });
    const onDisk = JSON.parse(readFileSync(host.paths.reportFile(rec.sessionId), 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.plugins).toEqual(['count']);
  });

  it('refuses events after end and protocol events it writes itself', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    expect(() => rec.record({ type: 'session.end' })).toThrow(SessionStateError);
    await rec.end();
    expect(() => rec.record({ type: 'tool.call', name: 'x', success: true })).toThrow(/has ended/);
  });

  it('lets another process end a session it did not start', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start({ trackProcess: false });
    rec.record({ type: 'acme.deploy', env: 'prod' });
    const again = await host.recorders.resume(rec.sessionId);
    const report = await again.end();
    expect(report.sections.count).toMatchObject({ byType: { 'acme.deploy': 1 } });
    await expect(host.recorders.resume(rec.sessionId)).rejects.toThrow(/already ended/);
  });
});
