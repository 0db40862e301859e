import { describe, expect, it } from 'vitest';
import { renderTable } from './table.js';

describe('renderTable', () => {
  it('lays out the spec session view model table exactly', () => {
    const lines = renderTable({
      columns: [
        { header: 'Model Usage', width: 27 },
        { header: 'Reqs', align: 'right' },
        { header: 'Input Tokens', align: 'right', width: 15 },
        { header: 'Output Tokens', align: 'right', width: 15 },
      ],
      rows: [
        ['gemini-2.5-flash-lite', '28', '60,389', '2,422'],
        ['gemini-3-pro-preview', '168', '31,056,954', '44,268'],
      ],
    });
    expect(lines).toEqual([
      'Model Usage                  Reqs   Input Tokens  Output Tokens',
      '───────────────────────────────────────────────────────────────',
      'gemini-2.5-flash-lite          28         60,389          2,422',
      'gemini-3-pro-preview          168     31,056,954         44,268',
    ]);
  });

  it('grows a column to its longest cell plus a gap and rules off the footer', () => {
    const lines = renderTable({
      columns: [{ header: 'Model' }, { header: 'Cost', align: 'right' }],
      rows: [['a-very-long-model-name', '$0.1250']],
      footer: [['TOTAL', '$0.1250']],
    });
    expect(lines).toEqual([
      'Model                        Cost',
      '─────────────────────────────────',
      'a-very-long-model-name    $0.1250',
      '─────────────────────────────────',
      'TOTAL                     $0.1250',
    ]);
  });

  it('escapes control characters in cells so a model name cannot move the cursor', () => {
    const [, , row] = renderTable({ columns: [{ header: 'Model' }], rows: [['evil\u001b[2Jname']] });
    expect(row).toBe('evil\\x1b[2Jname');
  });

  it('fills missing cells with blanks instead of failing', () => {
    const lines = renderTable({ columns: [{ header: 'A' }, { header: 'B', align: 'right' }], rows: [['x']] });
    expect(lines[2]).toBe('x');
  });
});

describe('renderTable column rules', () => {
  it('keeps a column at its given width when every cell fits, gap included', () => {
    const lines = renderTable({ columns: [{ header: 'Model Usage', width: 29 }, { header: 'Reqs', align: 'right', width: 4 }], rows: [['m', '168']] });
    expect(lines).toEqual(['Model Usage                  Reqs', '─────────────────────────────────', 'm                             168']);
  });

  it('puts two spaces before a left-aligned column that follows a right-aligned one', () => {
    const lines = renderTable({
      columns: [{ header: 'Cached Tokens', align: 'right', width: 15 }, { header: 'Cost', width: 6 }],
      rows: [['12,000', '$0.1250']],
    });
    expect(lines).toEqual(['  Cached Tokens  Cost', '──────────────────────────', '         12,000  $0.1250']);
  });
});
