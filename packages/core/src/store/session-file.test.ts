import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { openSessionFile } from './session-file.js';

describe('openSessionFile', () => {
  it('opens a regular file a listing gave, without a stat first, and gives its size and time', () => {
    const file = path.join(tempDir(), 'r.json');
    fs.writeFileSync(file, '{"a":1}');
    const opened = openSessionFile(fs, file, 1024, true);
    expect(opened).toMatchObject({ kind: 'file', size: 7, mtimeMs: fs.statSync(file).mtimeMs });
    if (opened.kind === 'file') fs.closeSync(opened.fd);
  });

  it('never reads a FIFO put in place of a listed file (it would wait for a writer forever)', () => {
    const fifo = path.join(tempDir(), 'r.json');
    execFileSync('mkfifo', [fifo]);
    expect(openSessionFile(fs, fifo, 1024, true)).toEqual({ kind: 'odd', what: 'not a regular file' });
    expect(openSessionFile(fs, fifo, 1024)).toEqual({ kind: 'odd', what: 'a FIFO' });
  });

  it('says a listed file grown past the limit is too large, and one deleted since is gone', () => {
    const dir = tempDir();
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, 'x'.repeat(2048));
    expect(openSessionFile(fs, big, 1024, true)).toEqual({ kind: 'large', size: 2048 });
    expect(openSessionFile(fs, path.join(dir, 'gone.json'), 1024, true)).toEqual({ kind: 'gone' });
  });
});
