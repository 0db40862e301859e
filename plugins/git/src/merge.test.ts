import { describe, expect, it } from 'vitest';
import { mergeGitSections, summarizeGitSection } from './merge.js';
import type { GitSection } from './section.js';

const git = (added: number, removed: number, files: number, binary = 0): GitSection => ({
  source: 'git',
  linesAdded: added,
  linesRemoved: removed,
  filesChanged: files,
  binaryFiles: binary,
  snapshots: { start: { tree: 'a'.repeat(40), head: null }, end: { tree: 'b'.repeat(40), head: 'c'.repeat(40) } },
});
const unknown: GitSection = { source: null, linesAdded: null, linesRemoved: null, filesChanged: null, binaryFiles: null, unavailableReason: 'not a git repository' };
const legacy: GitSection = { source: 'original Radium', linesAdded: 505, linesRemoved: 208, filesChanged: null, binaryFiles: null, unavailableReason: 'not recorded by the original Radium' };

describe('mergeGitSections', () => {
  it('sums every count; a file changed in two sessions counts twice', () => {
    expect(mergeGitSections([git(10, 2, 3, 1), git(5, 5, 3)])).toEqual({
      source: 'git',
      linesAdded: 15,
      linesRemoved: 7,
      filesChanged: 6,
      binaryFiles: 1,
      merged: { sessions: 2, linesUnknown: 0, filesUnknown: 0 },
    });
  });

  it('leaves unmeasured sessions out of the sums and counts them', () => {
    const merged = mergeGitSections([git(10, 2, 3), unknown, legacy]);
    expect(merged).toEqual({
      source: 'mixed',
      linesAdded: 515,
      linesRemoved: 210,
      filesChanged: 3,
      binaryFiles: 0,
      merged: { sessions: 3, linesUnknown: 1, filesUnknown: 2 },
    });
  });

  it('is null with the reason when no session was measured', () => {
    expect(mergeGitSections([unknown, unknown])).toMatchObject({ source: null, linesAdded: null, filesChanged: null, unavailableReason: 'not a git repository' });
    expect(mergeGitSections([legacy])).toMatchObject({ linesAdded: 505, filesChanged: null, unavailableReason: 'not recorded by the original Radium' });
    expect(mergeGitSections([])).toMatchObject({ linesAdded: null, unavailableReason: 'no sessions', merged: { sessions: 0, linesUnknown: 0, filesUnknown: 0 } });
  });

  it('gives the reason of the sessions lacking a count in any order: theirs when they agree, a general one when not', () => {
    const noGit: GitSection = { ...unknown, unavailableReason: 'git is not installed' };
    expect(mergeGitSections([unknown, noGit]).unavailableReason).toBe('not measured in any of the merged sessions');
    expect(mergeGitSections([noGit, unknown])).toEqual(mergeGitSections([unknown, noGit]));
    expect(mergeGitSections([noGit, unknown, noGit]).merged).toEqual({ sessions: 3, linesUnknown: 3, filesUnknown: 3 });
    expect(mergeGitSections([legacy, unknown])).toMatchObject({ linesAdded: 505, filesChanged: null });
    expect(mergeGitSections([legacy, unknown]).unavailableReason).toBe('not measured in any of the merged sessions');
    expect(mergeGitSections([legacy, git(1, 1, 1), legacy]).unavailableReason).toBeUndefined();
  });

  it('gives the same answer merged in one go or in parts', () => {
    const all = [git(1, 1, 1), unknown, git(2, 0, 2, 1), legacy, git(3, 4, 5)];
    const inParts = mergeGitSections([mergeGitSections(all.slice(0, 2)), mergeGitSections(all.slice(2))]);
    expect(inParts).toEqual(mergeGitSections(all));
  });
});

describe('summarizeGitSection', () => {
  it('keeps the numbers and drops the snapshot ids', () => {
    expect(summarizeGitSection(git(1, 2, 3))).toEqual({ source: 'git', linesAdded: 1, linesRemoved: 2, filesChanged: 3, binaryFiles: 0 });
  });
});
