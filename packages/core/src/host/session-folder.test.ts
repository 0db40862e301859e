import { appendFileSync, utimesSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPlugin, testHost } from '../testing/index.js';

const line = (e: object) => `${JSON.stringify(e)}\n`;

describe('folding a journal', () => {
  it('turns a crashed session (no end, torn last line) into a report with every complete event', async () => {
    const host = await testHost([countPlugin()]);
    const file = host.paths.journalFile('crashed');
    writeFileSync(
      file,
      line({ type: 'session.start', ts: '2026-01-01T10:00:00.000Z', sessionId: 'crashed', workspace: host.paths.root }) +
        line({ type: 'tool.call', ts: '2026-01-01T10:00:05.000Z', name: 'Edit', durationMs: 5, success: true }) +
        line({ type: 'api.response', ts: '2026-01-01T10:00:09.000Z', model: 'm', engine: 'e', durationMs: 10 }) +
        '{"type":"tool.call","ts":"2026-01-01T10:00:1',
    );
    utimesSync(file, new Date('2026-01-01T10:00:10Z'), new Date('2026-01-01T10:00:10Z'));
    const { report, origin } = await host.store.load('crashed');
    expect(origin).toBe('journal');
    expect(report.status).toBe('abandoned');
    expect(report.endTime).toBeNull();
    expect(report.skippedLines).toBe(1);
    expect(report.sections.count).toEqual({ byType: { 'session.start': 1, 'tool.call': 1, 'api.response': 1 } });
    expect(host.warnings.messages.some((m) => m.includes(file) && m.includes('line 4'))).toBe(true);
  });

  it('reports a journal that is still being written as the live session', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    rec.record({ type: 'tool.call', name: 'Bash', durationMs: 1, success: true });
    const { report } = await host.store.load(rec.sessionId);
    expect(report.status).toBe('live');
    expect(report.sections.count).toMatchObject({ byType: { 'tool.call': 1 } });
  });

  it('writes the missing report of a journal that ended (a crash between end and write)', async () => {
    const host = await testHost([countPlugin()]);
    const file = host.paths.journalFile('ended');
    writeFileSync(file, line({ type: 'session.start', ts: '2026-01-01T10:00:00.000Z', sessionId: 'ended', workspace: '/w' }));
    appendFileSync(file, line({ type: 'session.end', ts: '2026-01-01T11:00:00.000Z' }));
    const first = await host.store.load('ended');
    expect(first.origin).toBe('journal');
    expect(first.report.status).toBe('ended');
    const second = await host.store.load('ended');
    expect(second.origin).toBe('report');
    expect(second.report.sections).toEqual(first.report.sections);
  });

  it('costs a throwing plugin only its own section, with a warning naming it', async () => {
    const broken = { ...countPlugin('broken'), createCollector: () => ({ add: () => { throw new Error('boom'); }, finish: () => ({ byType: {} }) }) };
    const host = await testHost([countPlugin(), broken]);
    const rec = await host.recorders.start();
    const report = await rec.end();
    expect(report.plugins).toEqual(['count']);
    expect(host.warnings.messages.join('\n')).toMatch(/Plugin broken failed .*boom/);
  });
});
