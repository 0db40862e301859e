import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeStaleTempsOnce, tempPathFor } from './temp-files.js';

/**
 * Writes a file so readers see the old content or the new, never a mix: write a temp file in the
 * same folder, fsync it, then rename over the target (rename is atomic within one file system).
 * The first write into a folder removes temps that crashed writers left there.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTempsOnce(dir);
  const temp = tempPathFor(file);
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.exclusive) {
      // link fails when the target exists, so a concurrent writer cannot be overwritten.
      await fs.link(temp, file);
      await fs.unlink(temp);
    } else {
      await fs.rename(temp, file);
    }
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
