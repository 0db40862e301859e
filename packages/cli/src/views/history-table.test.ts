import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { tallyPlugin, throwingPlugin } from '../../test/fixtures/plugins.js';
import { renderBlocks } from '../output/render-blocks.js';
import { historyTable } from './history-table.js';

const summary = (sessionId: string, sections: Record<string, unknown>): SessionSummary => ({
  sessionId,
  startTime: '2025-12-07T04:00:00.000Z',
  endTime: null,
  status: 'ended',
  source: 'journal',
  sections,
});

describe('historyTable', () => {
  it('shortens ids, orders plugin columns by order and marks missing cells n/a', async () => {
    const host = await testHost([throwingPlugin('boom'), tallyPlugin('second', 'x', { order: 20 }), tallyPlugin('first', 'x', { order: 10 })]);
    const table = historyTable(
      [summary('3c6ddcd3-85b6-48f1-88e1-f428ca458337', { first: { count: 3, ms: 0 }, second: { count: 1, ms: 0 }, boom: { count: 0, ms: 0 } }), summary('short', { first: { count: 1, ms: 0 } })],
      host.plugins,
      host.warnings.warn,
    );
    expect(renderBlocks([table]).split('\n')).toEqual([
      'Recent Session Summaries',
      '',
      'Session ID                   first           second',
      '─────────────────────────────────────────────────────────────',
      '3c6ddcd3-85b6-48f1-88e1...   3               1',
      'short                        1               n/a',
    ]);
    expect(host.warnings.messages).toEqual(['Plugin boom failed in report.history (reporter exploded); its output is left out.']);
  });
});
