import * as fs from 'node:fs';
import path from 'node:path';
import { removeStaleTempsOnce, tempPathFor } from './temp-files.js';

/**
 * Writes a file so readers see the old content or the new, never a mix: write a temp file in the
 * same folder, fsync it, then rename over the target (rename is atomic within one file system).
 * The first write into a folder removes temps that crashed writers left there. `durable: false`
 * skips the fsync, for a file that can be made again from another (a report folded from its
 * journal): a crash still leaves the old content or the new, and only a power cut can lose it.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { exclusive?: boolean; durable?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  // Synchronous calls: a report is a few KB, and five thread-pool round trips per file cost more
  // than the writes when a first history writes thousands of reports.
  await removeStaleTempsOnce(dir);
  const temp = tempPathFor(file);
  const fd = openTemp(temp);
  try {
    fs.writeFileSync(fd, data);
    if (options.durable !== false) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (options.exclusive) {
      // link fails when the target exists, so a concurrent writer cannot be overwritten.
      fs.linkSync(temp, file);
      fs.unlinkSync(temp);
    } else {
      fs.renameSync(temp, file);
    }
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Creates a new temp file; its folder is made only when missing (a check per write costs an import of thousands of sessions a system call each). */
function openTemp(temp: string): number {
  try {
    return fs.openSync(temp, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(path.dirname(temp), { recursive: true });
    return fs.openSync(temp, 'wx', 0o644);
  }
}
