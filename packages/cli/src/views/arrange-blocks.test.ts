import { describe, expect, it } from 'vitest';
import { arrangeBlocks } from './arrange-blocks.js';

describe('arrangeBlocks', () => {
  it('merges field blocks with the same title and sorts rows and blocks by order', () => {
    const out = arrangeBlocks([
      { kind: 'table', title: 'Model Usage', order: 30, columns: [], rows: [] },
      { kind: 'fields', title: 'Performance', order: 20, rows: [{ label: 'Wall Time', value: '1s', order: 10 }] },
      { kind: 'fields', title: 'Interaction Summary', order: 10, rows: [{ label: 'Code Changes', value: '+1 -0', order: 40 }] },
      { kind: 'fields', title: 'Interaction Summary', order: 10, rows: [{ label: 'Tool Calls', value: '3', order: 20 }, { label: 'Session ID', value: 'x', order: 0 }] },
      { kind: 'note', text: 'no order goes last' },
    ]);
    expect(out.map((b) => b.title ?? b.kind)).toEqual(['Interaction Summary', 'Performance', 'Model Usage', 'note']);
    const summary = out[0]!;
    expect(summary.kind === 'fields' && summary.rows.map((r) => r.label)).toEqual(['Session ID', 'Tool Calls', 'Code Changes']);
  });

  it('does not change the blocks it was given', () => {
    const block = { kind: 'fields' as const, title: 'T', rows: [{ label: 'b', value: '', order: 2 }, { label: 'a', value: '', order: 1 }] };
    arrangeBlocks([block, { ...block }]);
    expect(block.rows.map((r) => r.label)).toEqual(['b', 'a']);
  });
});
