import { describe, expect, it } from 'vitest';
import type { SessionSummary } from '@radium-stats/core';
import { testHost } from '@radium-stats/core/testing';
import { tallyPlugin, throwingPlugin } from '../../test/fixtures/plugins.js';
import { renderBlocks } from '../output/render-blocks.js';
import { historyTable, statusLegend } from './history-table.js';

const summary = (sessionId: string, sections: Record<string, unknown>, more: Partial<SessionSummary> = {}): SessionSummary => ({
  sessionId,
  startTime: '2025-12-07T04:00:00.000Z',
  endTime: null,
  status: 'ended',
  source: 'journal',
  sections,
  ...more,
});

describe('historyTable', () => {
  it('shows the id to type with live and abandoned marks, the local start and the agent or source, then plugin columns by order', async () => {
    const host = await testHost([throwingPlugin('boom'), tallyPlugin('second', 'x', { order: 20 }), tallyPlugin('first', 'x', { order: 10 })]);
    const items = [
      summary('3c6ddcd3-85b6-48f1-88e1-f428ca458337', { first: { count: 3, ms: 0 }, second: { count: 1, ms: 0 }, boom: { count: 0, ms: 0 } }, { status: 'live', agent: 'claude' }),
      summary('codex-0199a2b1-77aa', { first: { count: 1, ms: 0 } }, { status: 'abandoned', source: 'import:codex' }),
    ];
    const ids = new Map([[items[0]!.sessionId, '3c6ddcd3'], [items[1]!.sessionId, '0199a2b1']]);
    const table = historyTable(items, host.plugins, { ids, zone: 'Asia/Tokyo' }, host.warnings.warn);
    expect(renderBlocks([table]).split('\n')).toEqual([
      'Recent Session Summaries',
      '',
      'Session     Started           Agent   first           second',
      '──────────────────────────────────────────────────────────────────────',
      '3c6ddcd3 ●  2025-12-07 13:00  claude  3               1',
      '0199a2b1 ✗  2025-12-07 13:00  codex   1               n/a',
    ]);
    expect(statusLegend(items)).toBe('● live (still recording), ✗ abandoned (its recorder stopped without ending it)');
    expect(statusLegend([summary('a', {})])).toBeUndefined();
    expect(host.warnings.messages).toEqual(['Plugin boom failed in report.history (reporter exploded); its output is left out.']);
  });
});
