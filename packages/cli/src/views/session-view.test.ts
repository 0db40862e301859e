import { describe, expect, it } from 'vitest';
import { testHost } from '@radium-stats/core/testing';
import { tallyPlugin, throwingPlugin } from '../../test/fixtures/plugins.js';
import { renderBlocks } from '../output/render-blocks.js';
import { sessionBlocks } from './session-view.js';

async function endedReport(plugins: Parameters<typeof testHost>[0]) {
  const host = await testHost(plugins);
  const rec = await host.recorders.start({ sessionId: 'sess-1' });
  rec.record({ type: 'acme.a', ms: 5 });
  rec.record({ type: 'acme.b' });
  rec.record({ type: 'acme.a', ms: 7 });
  return { host, report: await rec.end() };
}

describe('sessionBlocks', () => {
  it('puts the session id first in Interaction Summary and merges rows of several plugins by order', async () => {
    const plugins = [tallyPlugin('b', 'acme.b', { order: 30 }), tallyPlugin('a', 'acme.a', { order: 20 })];
    const { host, report } = await endedReport(plugins);
    const text = renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn));
    expect(text).toBe(['Interaction Summary', 'Session ID:                 sess-1', 'a events:                   2', 'b events:                   1'].join('\n'));
  });

  it('keeps plugin order for rows with equal order and sorts blocks by order', async () => {
    const plugins = [tallyPlugin('b', 'acme.b', { title: 'Later' }), tallyPlugin('a', 'acme.a', { title: 'Later' })];
    const { host, report } = await endedReport(plugins);
    const blocks = sessionBlocks(report, host.plugins, host.warnings.warn);
    expect(blocks.map((b) => b.title)).toEqual(['Interaction Summary', 'Later']);
    expect(renderBlocks(blocks).split('\n').slice(3)).toEqual(['Later', 'b events:                   1', 'a events:                   2']);
  });

  it('shows a live session as live', async () => {
    const host = await testHost([tallyPlugin('a', 'acme.a')]);
    const rec = await host.recorders.start({ sessionId: 'live-1' });
    rec.record({ type: 'acme.a' });
    const { report } = await host.store.load('live-1');
    const text = renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn));
    expect(text).toContain('Status:                     live (still recording)');
  });

  it('leaves out a plugin whose reporter throws, with one warning naming it, and shows the others', async () => {
    const { host, report } = await endedReport([throwingPlugin('boom'), tallyPlugin('a', 'acme.a')]);
    const text = renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn));
    expect(text).toContain('a events:                   2');
    expect(host.warnings.messages).toEqual(['Plugin boom failed in report.session (reporter exploded); its output is left out.']);
  });

  it('drops malformed blocks from a plugin with a warning', async () => {
    const bad = { ...tallyPlugin('bad', 'acme.a'), report: { session: () => [{ kind: 'fields', title: 'X', rows: [{ label: 1 }] }, { kind: 'note', text: 'kept' }] } };
    const { host, report } = await endedReport([bad as never]);
    const text = renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn));
    expect(text.endsWith('kept')).toBe(true);
    expect(host.warnings.messages).toEqual(['Plugin bad returned a malformed block from report.session; it was left out.']);
  });
});
