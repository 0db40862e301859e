import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SessionAlreadyEndedError, SessionStateError } from '../errors.js';
import { countPlugin, testHost } from '../testing/index.js';

function journalTypes(file: string): string[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
}

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

  it('ends a session once when end() is called twice, one call after the other or both at once', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    await rec.end();
    await expect(rec.end()).rejects.toThrow(SessionAlreadyEndedError);
    const other = await host.recorders.start();
    const [first, second] = await Promise.allSettled([other.end(), other.end()]);
    expect(first.status).toBe('fulfilled');
    expect(second).toMatchObject({ status: 'rejected', reason: { name: 'SessionAlreadyEndedError', message: `Session ${other.sessionId} has already ended: run \`rad stats session --session-id ${other.sessionId}\` to see its summary.` } });
    expect(journalTypes(host.paths.journalFile(other.sessionId)).filter((t) => t === 'session.end')).toHaveLength(1);
  });

  it('ends a session once when two recorders of it end at the same time', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start({ trackProcess: false });
    const [a, b] = [await host.recorders.resume(rec.sessionId), await host.recorders.resume(rec.sessionId)];
    const results = await Promise.allSettled([a.end(), b.end()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(SessionAlreadyEndedError) });
    expect(journalTypes(host.paths.journalFile(rec.sessionId)).filter((t) => t === 'session.end')).toHaveLength(1);
    expect(readdirSync(host.paths.sessionsDir).filter((name) => name.includes('lock'))).toEqual([]);
  });
});
