import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/index.js';
import { writeFileAtomic } from './atomic-write.js';

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temp file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'r.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('makes the folders it writes into when they are missing', async () => {
    const file = path.join(tempDir(), 'a', 'b', 'r.json');
    await writeFileAtomic(file, 'content');
    expect(readFileSync(file, 'utf8')).toBe('content');
    expect(readdirSync(path.dirname(file))).toEqual(['r.json']);
  });

  it('never lets a reader see a partial file while many writers race', async () => {
    const file = path.join(tempDir(), 'r.json');
    const big = (n: number) => JSON.stringify({ n, pad: 'x'.repeat(200_000) });
    await writeFileAtomic(file, big(0));
    const writes = Array.from({ length: 20 }, (_, i) => writeFileAtomic(file, big(i + 1)));
    const reads: number[] = [];
    for (let i = 0; i < 50; i++) reads.push((JSON.parse(readFileSync(file, 'utf8')) as { n: number }).n);
    await Promise.all(writes);
    expect(reads.every((n) => n >= 0 && n <= 20)).toBe(true);
    expect(readdirSync(path.dirname(file))).toEqual(['r.json']);
  });

  it('in exclusive mode refuses to overwrite and keeps the existing file', async () => {
    const file = path.join(tempDir(), 'out.json');
    writeFileSync(file, 'precious');
    await expect(writeFileAtomic(file, 'other', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(readdirSync(path.dirname(file))).toEqual(['out.json']);
  });
});
