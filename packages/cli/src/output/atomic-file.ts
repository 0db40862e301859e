import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import path from 'node:path';
import { RadiumError } from '@radium-stats/core';
import { OutputExistsError } from '../errors.js';

const exists = (file: string) => fs.access(file).then(() => true, () => false);

/** Opens a new file for writing; fails when it exists or its folder does not. */
function openExclusive(file: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file, { flags: 'wx', mode: 0o644 });
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}

/**
 * Streams into `file` so readers see no file or the whole file, never half of one: write a temp
 * file beside it, fsync, then rename (`force`) or hard-link (fails when the target appeared
 * meanwhile, so nothing is overwritten by accident).
 */
export async function writeFileStreamAtomic<T>(file: string, force: boolean, produce: (out: Writable) => Promise<T>): Promise<T> {
  const target = path.resolve(file);
  if (!force && (await exists(target))) throw new OutputExistsError(target);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let stream: WriteStream;
  try {
    stream = await openExclusive(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RadiumError(`Cannot write ${target} (${code === 'ENOENT' ? `folder ${dir} does not exist` : (error as Error).message}): choose another --output.`);
  }
  try {
    const result = await produce(stream);
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.once('close', resolve);
      stream.end();
    });
    // Flush to disk before the rename, so a crash cannot leave an empty file under the final name.
    const handle = await fs.open(temp, 'r');
    await handle.sync().finally(() => handle.close());
    if (force) {
      await fs.rename(temp, target);
    } else {
      try {
        await fs.link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(target);
        throw error;
      }
      await fs.rm(temp, { force: true });
    }
    return result;
  } catch (error) {
    stream.destroy();
    await fs.rm(temp, { force: true });
    throw error;
  }
}
