import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPlugin, testHost } from '../testing/index.js';

describe('a session\'s recent events', () => {
  it('are the journal events from a time on, none for a session without a journal', async () => {
    const host = await testHost([countPlugin()], { now: () => new Date('2026-11-03T09:00:00Z') });
    const rec = await host.recorders.start();
    const journal = host.paths.journalFile(rec.sessionId);
    const line = (ts: string, name: string) => JSON.stringify({ type: 'tool.call', ts, name, success: true }) + '\n';
    appendFileSync(journal, line('2026-11-03T10:00:00Z', 'old') + 'not json\n' + line('2026-11-03T10:05:00Z', 'new') + line('2026-11-03T10:06:00Z', 'newer'));
    const recent = await host.store.eventsSince(rec.sessionId, Date.parse('2026-11-03T10:05:00Z'));
    expect(recent.map((e) => (e as { name?: string }).name)).toEqual(['new', 'newer']);
    expect(await host.store.eventsSince('no-such-session', 0)).toEqual([]);
  });
});
