import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@radium-stats/core/testing';
import hook from './preparse.js';

const run = (id: string, argv: string[]) =>
  (hook as unknown as (o: unknown) => Promise<string[]>).call({}, { argv, options: { context: { id } } });

describe('preparse hook', () => {
  it('turns a local tarball given to `plugins install` into an absolute file: URL', async () => {
    const dir = tempDir();
    const tgz = path.join(dir, 'acme-plugin-1.0.0.tgz');
    writeFileSync(tgz, '');
    const rel = path.relative(process.cwd(), tgz);
    expect(await run('plugins:install', [rel, '--silent'])).toEqual([`file:${tgz}`, '--silent']);
  });

  it('leaves package names, URLs and other commands alone', async () => {
    expect(await run('plugins:install', ['@acme/rad-plugin', 'https://x.test/a.tgz'])).toEqual(['@acme/rad-plugin', 'https://x.test/a.tgz']);
    expect(await run('stats:export', ['--output', 'missing.tgz'])).toEqual(['--output', 'missing.tgz']);
  });
});
