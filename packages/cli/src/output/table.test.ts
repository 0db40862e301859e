import { describe, expect, it } from 'vitest';
import { fitTable, renderTable } from './table.js';

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

describe('fitTable', () => {
  const table = {
    columns: [
      { header: 'Model', width: 31 },
      { header: 'Requests', align: 'right' as const, width: 10 },
      { header: 'Input Tokens', align: 'right' as const, short: 'Input' },
      { header: 'Avg Latency', align: 'right' as const, short: 'Latency', drop: 1 },
      { header: 'Errors', align: 'right' as const, drop: 2 },
    ],
    rows: [['claude-opus-4-1', '1,234', '31,056,954,123', '2.4s', '0']],
    footer: [['TOTAL', '1,234', '31,056,954,123', '2.4s', '0']],
  };
  const width = (t: Parameters<typeof renderTable>[0]) => Math.max(...renderTable(t).map((l) => l.length));

  it('leaves a table that fits as it is', () => {
    expect(fitTable(table, 200)).toEqual({ table, dropped: [] });
    expect(fitTable(table, undefined).table).toBe(table);
  });

  it('narrows columns, then shortens headers, then numbers, then leaves out columns by rank', () => {
    const narrow = fitTable(table, 64);
    expect(narrow.dropped).toEqual([]);
    expect(narrow.table.rows[0]).toEqual(table.rows[0]);
    expect(width(narrow.table)).toBe(64);
    const short = fitTable(table, 63);
    expect(short.table.rows[0]).toEqual(table.rows[0]);
    expect(short.table.columns[2]!.header).toBe('Input');
    const compact = fitTable(table, 55);
    expect(compact).toMatchObject({ dropped: [] });
    expect(compact.table.rows[0]).toEqual(['claude-opus-4-1', '1.2K', '31.1B', '2.4s', '0']);
    const dropped = fitTable(table, 45);
    expect(dropped.dropped).toEqual(['Avg Latency']);
    expect(dropped.table.columns.map((c) => c.header)).toEqual(['Model', 'Requests', 'Input', 'Errors']);
    expect(dropped.table.footer![0]).toEqual(['TOTAL', '1.2K', '31.1B', '0']);
    expect(width(dropped.table)).toBeLessThanOrEqual(45);
    expect(fitTable(table, 10).dropped).toEqual(['Avg Latency', 'Errors']);
  });
});

describe('fitTable with long names', () => {
  it('cuts the name column with … as the last step, never below 12 characters', () => {
    const table = { columns: [{ header: 'Tool' }, { header: 'Calls', align: 'right' as const }], rows: [['mcp__github__create_pull_request_review', '3'], ['Bash', '10']] };
    const fitted = fitTable(table, 30);
    expect(fitted.table.rows.map((r) => r[0])).toEqual(['mcp__github__create_…', 'Bash']);
    expect(Math.max(...renderTable(fitted.table).map((l) => l.length))).toBe(30);
    expect(fitTable(table, 5).table.rows[0]![0]).toBe('mcp__github…');
  });
});
