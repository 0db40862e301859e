import { unlinkSync } from 'node:fs';

/**
 * Removes a file; true when there was one. An unlink instead of `rmSync(force)`, whose folder
 * walk costs more than the removal when a first import replaces thousands of files.
 */
export function removeFile(file: string): boolean {
  try {
    unlinkSync(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
