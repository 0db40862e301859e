import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { discoverAmpFiles } from './discover.js';

describe('discoverAmpFiles', () => {
  it('lists the thread files of a data folder or of a threads folder, one session each, and nothing else', async () => {
    const data = tempDir();
    const threads = path.join(data, 'threads');
    mkdirSync(path.join(threads, 'sub.json'), { recursive: true });
    for (const name of ['T-2.json', 'T-1.json', 'T-3.json.amptmp', 'notes.txt']) writeFileSync(path.join(threads, name), '{}');
    const expected = [
      { path: path.join(threads, 'T-1.json'), group: 'T-1', part: 0, format: 'json' },
      { path: path.join(threads, 'T-2.json'), group: 'T-2', part: 0, format: 'json' },
    ];
    expect(await discoverAmpFiles(data)).toEqual(expected);
    expect(await discoverAmpFiles(threads)).toEqual(expected);
  });
});
