import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RadiumError } from '@radium-stats/core';
import { tempDir } from '@radium-stats/core/testing';
import { OutputExistsError } from '../errors.js';
import { writeFileStreamAtomic } from './atomic-file.js';

const write = (text: string) => async (out: NodeJS.WritableStream) => void out.write(text);

describe('writeFileStreamAtomic', () => {
  it('writes the file and leaves no temp file behind', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    await writeFileStreamAtomic(file, false, write('{"ok":true}'));
    expect(readFileSync(file, 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('refuses to overwrite an existing file unless forced', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    writeFileSync(file, 'old');
    await expect(writeFileStreamAtomic(file, false, write('new'))).rejects.toBeInstanceOf(OutputExistsError);
    expect(readFileSync(file, 'utf8')).toBe('old');
    await writeFileStreamAtomic(file, true, write('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('removes the temp file and keeps no partial output when writing fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'out.json');
    await expect(
      writeFileStreamAtomic(file, false, async (out) => {
        out.write('half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names a missing folder', async () => {
    const file = path.join(tempDir(), 'nope', 'out.json');
    const error = await writeFileStreamAtomic(file, false, write('x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadiumError);
    expect((error as Error).message).toMatch(/folder .*nope does not exist/);
  });
});
