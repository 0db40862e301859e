import { describe, expect, it } from 'vitest';
import { legacyMetricsSchema, type FieldBlock } from '@radium-stats/core';
import { gitPlugin } from './plugin.js';
import type { GitSection } from './section.js';

const section = (over: Partial<GitSection>): GitSection => ({ source: 'git', linesAdded: 505, linesRemoved: 208, filesChanged: 12, binaryFiles: 0, ...over });

function rows(s: GitSection) {
  const blocks = gitPlugin.report.session!(s);
  expect(blocks).toHaveLength(1);
  const block = blocks[0] as FieldBlock;
  expect(block).toMatchObject({ kind: 'fields', title: 'Interaction Summary', order: 10 });
  return block.rows;
}

describe('session view', () => {
  it('prints the spec row `Code Changes: +505 -208`, then Files Changed after it', () => {
    expect(rows(section({}))).toEqual([
      { label: 'Code Changes', value: '+505 -208', order: 40 },
      { label: 'Files Changed', value: '12', order: 41 },
    ]);
  });

  it('groups thousands and says how many changed files are binary', () => {
    const [lines, files] = rows(section({ linesAdded: 12345, linesRemoved: 0, filesChanged: 1002, binaryFiles: 2 }));
    expect(lines!.value).toBe('+12,345 -0');
    expect(files!.value).toBe('1,002 (2 binary)');
  });

  it('prints n/a with the reason when nothing could be measured', () => {
    const values = rows({ source: null, linesAdded: null, linesRemoved: null, filesChanged: null, binaryFiles: null, unavailableReason: 'git is not installed' }).map((r) => r.value);
    expect(values).toEqual(['n/a (git is not installed)', 'n/a (git is not installed)']);
  });

  it('says when merged numbers leave sessions out', () => {
    const values = rows(section({ merged: { sessions: 4, linesUnknown: 1, filesUnknown: 2 } })).map((r) => r.value);
    expect(values).toEqual(['+505 -208 (1 of 4 sessions not measured)', '12 (2 of 4 sessions not measured)']);
  });
});

describe('compare view', () => {
  it('shows both sessions as `+a -r`, then a delta for lines added, lines removed and files changed', () => {
    const out = gitPlugin.report.compare!(section({}), section({ linesAdded: 320, linesRemoved: 150, filesChanged: 7 }));
    expect(out).toEqual([
      { section: 'Code Changes', label: 'Lines Added', unit: 'lines', a: 505, b: 320, detail: { a: '+505 -208', b: '+320 -150' }, order: 50 },
      { section: 'Code Changes', label: 'Lines Removed', unit: 'lines', a: 208, b: 150, order: 50 },
      { section: 'Code Changes', label: 'Files Changed', unit: 'count', a: 12, b: 7, order: 50 },
    ]);
  });

  it('passes null for a session that was not measured, with its reason in the detail', () => {
    const [first, , files] = gitPlugin.report.compare!(section({}), section({ filesChanged: null, unavailableReason: 'not recorded by the original Radium' }));
    expect(first!.detail).toEqual({ a: '+505 -208', b: '+505 -208' });
    expect(files).toMatchObject({ a: 12, b: null });
  });
});

describe('reports of the original Radium', () => {
  it('keep their lines added and removed; files changed were never recorded', () => {
    const legacy = legacyMetricsSchema.parse({ session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337', start_time: '2025-12-07T04:00:00.123456789Z', lines_added: 505, lines_removed: 208 });
    const s = gitPlugin.fromLegacy!(legacy)!;
    expect(s).toEqual({ source: 'original Radium', linesAdded: 505, linesRemoved: 208, filesChanged: null, binaryFiles: null, unavailableReason: 'not recorded by the original Radium' });
    expect(gitPlugin.section.safeParse(s).success).toBe(true);
    expect(rows(s).map((r) => r.value)).toEqual(['+505 -208', 'n/a (not recorded by the original Radium)']);
  });
});
