import { describe, expect, it } from 'vitest';
import type { ViewBlock } from '@radium-stats/core';
import { renderBlocks } from './render-blocks.js';
import { outputStyle } from './style.js';

const spec: ViewBlock[] = [
  {
    kind: 'fields',
    title: 'Interaction Summary',
    rows: [
      { label: 'Session ID', value: '3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
      { label: 'Tool Calls', value: '231 ( ✓ 214 x 17 )' },
      { label: 'Success Rate', value: '92.6%' },
      { label: 'Code Changes', value: '+505 -208' },
    ],
  },
  {
    kind: 'fields',
    title: 'Performance',
    rows: [
      { label: 'Wall Time', value: '4h 9m 54s' },
      { label: 'Agent Active', value: '2h 53m 17s' },
      { label: 'API Time', value: '1h 9m 42s (40.2%)', indent: 1 },
      { label: 'Tool Time', value: '1h 43m 35s (59.8%)', indent: 1 },
    ],
  },
  {
    kind: 'table',
    title: 'Model Usage',
    titleInHeader: true,
    columns: [
      { header: 'Model', width: 27 },
      { header: 'Reqs', align: 'right' },
      { header: 'Input Tokens', align: 'right', width: 15 },
      { header: 'Output Tokens', align: 'right', width: 15 },
    ],
    rows: [
      ['gemini-2.5-flash-lite', '28', '60,389', '2,422'],
      ['gemini-3-pro-preview', '168', '31,056,954', '44,268'],
    ],
  },
];

describe('renderBlocks', () => {
  it("prints the spec's example session view line for line", () => {
    expect(renderBlocks(spec)).toBe(
      [
        'Interaction Summary',
        'Session ID:                 3c6ddcd3-85b6-48f1-88e1-f428ca458337',
        'Tool Calls:                 231 ( ✓ 214 x 17 )',
        'Success Rate:               92.6%',
        'Code Changes:               +505 -208',
        '',
        'Performance',
        'Wall Time:                  4h 9m 54s',
        'Agent Active:               2h 53m 17s',
        '  » API Time:               1h 9m 42s (40.2%)',
        '  » Tool Time:              1h 43m 35s (59.8%)',
        '',
        'Model Usage                  Reqs   Input Tokens  Output Tokens',
        '───────────────────────────────────────────────────────────────',
        'gemini-2.5-flash-lite          28         60,389          2,422',
        'gemini-3-pro-preview          168     31,056,954         44,268',
      ].join('\n'),
    );
  });

  it('puts a table title above the table, with a blank line, when it is not in the header', () => {
    const text = renderBlocks([{ kind: 'table', title: 'Recent Session Summaries', columns: [{ header: 'Session ID' }], rows: [['abc']] }]);
    expect(text.split('\n')).toEqual(['Recent Session Summaries', '', 'Session ID', '────────────', 'abc']);
  });

  it('prints notes with an optional title', () => {
    expect(renderBlocks([{ kind: 'note', title: 'Code Changes', text: 'n/a (not a git repository)' }])).toBe('Code Changes\nn/a (not a git repository)');
  });

  it('keeps one space after a label longer than the value column', () => {
    const text = renderBlocks([{ kind: 'fields', title: 'T', rows: [{ label: 'A label that is far too long', value: 'v' }] }]);
    expect(text.split('\n')[1]).toBe('A label that is far too long: v');
  });

  it('keeps the values of a block in one column when a per-model label is long', () => {
    const long = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    const text = renderBlocks([
      {
        kind: 'fields',
        title: 'Cache',
        rows: [
          { label: 'Hit Rate', value: '62.5%' },
          { label: long, value: '50.0%', indent: 1 },
          { label: 'gpt-5', value: '75.0%', indent: 1 },
          { label: 'Cache Read', value: '8,000' },
        ],
      },
    ]);
    const pad = (label: string) => label.padEnd(50);
    expect(text.split('\n')).toEqual(['Cache', `${pad('Hit Rate:')}62.5%`, `${pad(`  » ${long}:`)}50.0%`, `${pad('  » gpt-5:')}75.0%`, `${pad('Cache Read:')}8,000`]);
  });

  it('puts the value of a label too long to move the column (within 80) on the next line, under the other values', () => {
    const savings = '-$0.0300 (cache writes cost more than reads saved)';
    const rows = [
      { label: 'Hit Rate', value: '62.5%' },
      { label: 'claude-sonnet-4-5-20250929', value: '50.0%', indent: 1 },
      { label: 'Savings', value: savings },
    ];
    const pad = (label: string) => label.padEnd(28);
    expect(renderBlocks([{ kind: 'fields', title: 'Cache', rows }]).split('\n')).toEqual([
      'Cache',
      `${pad('Hit Rate:')}62.5%`,
      '  » claude-sonnet-4-5-20250929:',
      `${pad('')}50.0%`,
      `${pad('Savings:')}${savings}`,
    ]);
  });

  it('escapes labels, values and titles from plugins', () => {
    const text = renderBlocks([{ kind: 'fields', title: 'T\u0007', rows: [{ label: 'L\r', value: 'V\u202e' }] }]);
    expect(text).toBe('T\\x07\nL\\x0d:' + ' '.repeat(22) + 'V\\u{202e}');
  });

  it('makes headings bold on a TTY and plain with NO_COLOR', () => {
    const blocks: ViewBlock[] = [{ kind: 'fields', title: 'Performance', rows: [] }];
    expect(renderBlocks(blocks, outputStyle({ isTTY: true }, {}))).toBe('\u001b[1mPerformance\u001b[22m');
    expect(renderBlocks(blocks, outputStyle({ isTTY: true }, { NO_COLOR: '1' }))).toBe('Performance');
    expect(renderBlocks(blocks, outputStyle({ isTTY: false }, {}))).toBe('Performance');
  });
});
