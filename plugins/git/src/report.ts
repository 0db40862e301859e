import type { CompareRow, PluginReporter, ViewBlock } from '@radium-stats/core';
import { formatFiles, formatLines, provenance } from './format.js';
import type { GitSection } from './section.js';

/** Rows in the Interaction Summary: `Code Changes` (a spec row) and `Files Changed` after it. */
function sessionBlocks(section: GitSection): ViewBlock[] {
  const lines = formatLines(section) + (section.linesAdded === null ? '' : provenance(section, 'linesAdded'));
  const files = formatFiles(section) + (section.filesChanged === null ? '' : provenance(section, 'filesChanged'));
  return [
    {
      kind: 'fields',
      title: 'Interaction Summary',
      order: 10,
      rows: [
        { label: 'Code Changes', value: lines, order: 40 },
        { label: 'Files Changed', value: files, order: 41 },
      ],
    },
  ];
}

/** The `Code Changes` section of `rad stats compare`: both sessions' `+a -r`, then a delta per count. */
function compareRows(a: GitSection, b: GitSection): CompareRow[] {
  const section = 'Code Changes';
  const order = 50;
  return [
    { section, label: 'Lines Added', unit: 'lines', a: a.linesAdded, b: b.linesAdded, detail: { a: formatLines(a), b: formatLines(b) }, order },
    { section, label: 'Lines Removed', unit: 'lines', a: a.linesRemoved, b: b.linesRemoved, order },
    { section, label: 'Files Changed', unit: 'count', a: a.filesChanged, b: b.filesChanged, order },
  ];
}

/** How the git plugin shows its section. */
export const gitReporter: PluginReporter<GitSection> = {
  session: sessionBlocks,
  compare: compareRows,
};
