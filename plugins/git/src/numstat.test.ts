import { describe, expect, it } from 'vitest';
import { sumNumstat } from './numstat.js';

describe('sumNumstat', () => {
  it('adds up lines and counts each path once', () => {
    expect(sumNumstat('3\t1\tsrc/a.txt\x0010\t0\tsrc/b.txt\x00')).toEqual({ linesAdded: 13, linesRemoved: 1, filesChanged: 2, binaryFiles: 0 });
  });

  it('counts a binary file as a file changed with no lines', () => {
    expect(sumNumstat('-\t-\tlogo.png\x002\t2\tREADME.md\x00')).toEqual({ linesAdded: 2, linesRemoved: 2, filesChanged: 2, binaryFiles: 1 });
  });

  it('counts a rename as one file, whatever its old and new names hold', () => {
    const out = '1\t1\t\x00old name.txt\x00new\tname.txt\x004\t0\tafter.txt\x00';
    expect(sumNumstat(out)).toEqual({ linesAdded: 5, linesRemoved: 1, filesChanged: 2, binaryFiles: 0 });
  });

  it('reads paths holding tabs, newlines and digits as paths, not as counts', () => {
    expect(sumNumstat('2\t0\tweird\tna\nme\x001\t1\t\x001\t2\tx\x003\t4\ty\x00')).toEqual({ linesAdded: 3, linesRemoved: 1, filesChanged: 2, binaryFiles: 0 });
  });

  it('is all zeros for no output', () => {
    expect(sumNumstat('')).toEqual({ linesAdded: 0, linesRemoved: 0, filesChanged: 0, binaryFiles: 0 });
  });
});
