import type { FieldBlock, NoteBlock, TableBlock, ViewBlock } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { toolsSection } from '../test/fixtures.js';
import { toolsSessionBlocks } from './session-view.js';

const lines = (blocks: ViewBlock[]) => (blocks.find((b) => b.kind === 'fields') as FieldBlock).rows.map((r) => `${r.indent ? '» ' : ''}${r.label}: ${r.value}`);

describe('tools session view', () => {
  it("prints the spec's Tool Calls and Success Rate rows", () => {
    const blocks = toolsSessionBlocks(
      toolsSection({ calls: 231, succeeded: 214, failed: 17, tools: [{ name: 'Edit', calls: 231, succeeded: 214, failed: 17, timedCalls: 0, totalDurationMs: null }] }),
    );
    const fields = blocks[0] as FieldBlock;
    expect(fields).toMatchObject({ title: 'Interaction Summary', order: 10 });
    expect(fields.rows).toEqual([
      { label: 'Tool Calls', value: '231 ( ✓ 214 x 17 )', order: 20 },
      { label: 'Success Rate', value: '92.6%', order: 30 },
    ]);
  });

  it('shows zero calls as 0 with the success rate not available, and no table', () => {
    const blocks = toolsSessionBlocks(toolsSection());
    expect(lines(blocks)).toEqual(['Tool Calls: 0 ( ✓ 0 x 0 )', 'Success Rate: n/a (no tool calls)']);
    expect(blocks).toHaveLength(1);
  });

  it('adds user agreement only when there were decisions', () => {
    expect(lines(toolsSessionBlocks(toolsSection({ calls: 1, succeeded: 1 })))).toHaveLength(2);
    const blocks = toolsSessionBlocks(toolsSection({ calls: 8, succeeded: 8, decisions: { accept: 6, reject: 1, modify: 0, autoAccept: 1 } }));
    expect(lines(blocks).slice(2)).toEqual([
      'User Agreement: 87.5% (7 of 8 decisions)',
      '» Accepted: 6',
      '» Auto-accepted: 1',
      '» Modified: 0',
      '» Rejected: 1',
    ]);
    const orders = (blocks[0] as FieldBlock).rows.map((r) => r.order ?? 0);
    expect(orders).toEqual([...orders].sort((x, y) => x - y));
  });

  it('lists tools by calls with average and total time, and a totals row', () => {
    const s = toolsSection({
      calls: 5, succeeded: 4, failed: 1, timedCalls: 5, totalDurationMs: 64_500,
      tools: [
        { name: 'Bash', calls: 3, succeeded: 2, failed: 1, timedCalls: 3, totalDurationMs: 63_000 },
        { name: 'Read', calls: 2, succeeded: 2, failed: 0, timedCalls: 2, totalDurationMs: 1_500 },
      ],
    });
    const table = toolsSessionBlocks(s).find((b) => b.kind === 'table') as TableBlock;
    expect(table.title).toBe('Tool Usage');
    expect(table.order).toBe(50);
    expect(table.columns.map((c) => c.header)).toEqual(['Tool', 'Calls', '✓', 'x', 'Avg Time', 'Total Time']);
    expect(table.rows).toEqual([
      ['Bash', '3', '2', '1', '21s', '1m 3s'],
      ['Read', '2', '2', '0', '750ms', '2s'],
    ]);
    // Rounded, not cut: 1.5 s is 2s, 12.9 s is 13s, 64.5 s is 1m 5s.
    expect(table.footer).toEqual([['TOTAL', '5', '4', '1', '13s', '1m 5s']]);
  });

  it('says why tool times are missing instead of printing 0', () => {
    const none = toolsSection({
      calls: 2, succeeded: 2, totalDurationMs: null, durationReason: 'tool durations not recorded by the source',
      tools: [{ name: 'replace', calls: 2, succeeded: 2, failed: 0, timedCalls: 0, totalDurationMs: null }],
    });
    const blocks = toolsSessionBlocks(none);
    expect((blocks.find((b) => b.kind === 'table') as TableBlock).rows[0]!.slice(4)).toEqual(['n/a', 'n/a']);
    expect((blocks.find((b) => b.kind === 'note') as NoteBlock).text).toBe('Avg Time and Total Time: n/a (tool durations not recorded by the source)');
    const partial = toolsSection({
      calls: 3, succeeded: 3, timedCalls: 2, totalDurationMs: 10,
      tools: [{ name: 'Read', calls: 3, succeeded: 3, failed: 0, timedCalls: 2, totalDurationMs: 10 }],
    });
    expect((toolsSessionBlocks(partial).find((b) => b.kind === 'note') as NoteBlock).text).toBe('Times cover 2 of 3 tool calls; 1 carried no duration.');
  });

  it('names merged sessions that did not record calls', () => {
    const s = toolsSection({ calls: 3, succeeded: 3, unrecordedSessions: 2 });
    expect(lines(toolsSessionBlocks(s))[0]).toBe('Tool Calls: 3 ( ✓ 3 x 0 ) (2 sessions not recorded)');
  });
});
