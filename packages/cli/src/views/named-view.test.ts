import { describe, expect, it } from 'vitest';
import { NoSessionsError, SessionNotFoundError } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { tallyPlugin } from '../../test/fixtures/plugins.js';
import { SectionMissingError, ViewUnavailableError } from '../errors.js';
import { namedView } from './named-view.js';

async function hostWithSessions(count: number) {
  const host = await testHost([tallyPlugin('t', 'acme.a')]);
  for (let i = 0; i < count; i++) {
    const rec = await host.recorders.start({ sessionId: `s${i}` });
    for (let j = 0; j <= i; j++) rec.record({ type: 'acme.a' });
    await rec.end();
  }
  return host;
}

describe('namedView', () => {
  it('merges every session when no id is given', async () => {
    const host = await hostWithSessions(3);
    const view = await namedView(host, 'model', undefined);
    expect(view.json).toEqual({ scope: { kind: 'all', sessions: 3 }, count: 6 });
    expect(view.blocks[0]).toMatchObject({ kind: 'table', title: 'All 3' });
  });

  it('counts every session it aggregated, those without its section too', async () => {
    const host = await hostWithSessions(3);
    // A session recorded while the plugin was not installed has no section of it.
    const report = (await host.store.load('s0')).report;
    delete report.sections.t;
    await host.store.save(report);
    const view = await namedView(host, 'model', undefined);
    expect(view.json).toEqual({ scope: { kind: 'all', sessions: 3 }, count: 5 });
    expect(view.blocks[0]).toMatchObject({ kind: 'table', title: 'All 3' });
  });

  it('shows one session by id', async () => {
    const host = await hostWithSessions(2);
    const view = await namedView(host, 'model', 's1');
    expect(view.json).toEqual({ scope: { kind: 'session', sessions: 1, sessionId: 's1' }, count: 2 });
  });

  it('names the missing view, session or section', async () => {
    const host = await hostWithSessions(1);
    await expect(namedView(host, 'engine', undefined)).rejects.toBeInstanceOf(ViewUnavailableError);
    await expect(namedView(host, 'model', 'nope')).rejects.toBeInstanceOf(SessionNotFoundError);
    const report = (await host.store.load('s0')).report;
    delete report.sections.t;
    await host.store.save(report);
    await expect(namedView(host, 'model', 's0')).rejects.toBeInstanceOf(SectionMissingError);
  });

  it('says "No sessions found" in an empty workspace', async () => {
    const host = await hostWithSessions(0);
    const error = await namedView(host, 'model', undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSessionsError);
    expect((error as Error).message).toMatch(/^No sessions found in /);
  });
});
