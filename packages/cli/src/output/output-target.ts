import { promises as fs, type Stats } from 'node:fs';
import { RadiumError } from '@radium-stats/core';
import { OutputTypeError } from '../errors.js';

/**
 * Where `--output` writes, decided from the file type before anything is written:
 * a regular file (or nothing) is created or replaced whole; a FIFO or character device
 * (`/dev/stdout`) is written into directly, since replacing it would break whoever reads it.
 */
export type OutputTarget =
  /** `path` is the file to create or replace; for a symbolic link to a file, the file it points to. */
  | { kind: 'file'; path: string; exists: boolean }
  /** A FIFO or character device, opened and written in place. */
  | { kind: 'stream'; path: string };

function typeOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSocket()) return 'a socket';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

function cannotCheck(file: string, error: unknown): RadiumError {
  return new RadiumError(`Cannot write ${file} (${(error as Error).message}): choose another --output.`);
}

/**
 * Classifies `file` (an absolute path). A symbolic link counts as what it points to, so a link to
 * a regular file replaces that file and keeps the link; a dangling link, and anything but a regular
 * file, FIFO or character device, is refused with an `OutputTypeError` naming it.
 */
export async function resolveOutputTarget(file: string): Promise<OutputTarget> {
  let stat: Stats;
  try {
    stat = await fs.lstat(file);
  } catch (error) {
    if (errno(error) === 'ENOENT') return { kind: 'file', path: file, exists: false };
    throw cannotCheck(file, error);
  }
  const link = stat.isSymbolicLink();
  if (link) {
    try {
      stat = await fs.stat(file);
    } catch (error) {
      if (errno(error) === 'ENOENT') {
        const to = await fs.readlink(file).catch(() => '?');
        throw new OutputTypeError(file, `a symbolic link to ${to}, which does not exist`);
      }
      if (errno(error) === 'ELOOP') throw new OutputTypeError(file, 'a symbolic link that loops');
      throw cannotCheck(file, error);
    }
  }
  if (stat.isFile()) return { kind: 'file', path: link ? await fs.realpath(file).catch((error: unknown) => Promise.reject(cannotCheck(file, error))) : file, exists: true };
  if (stat.isFIFO() || stat.isCharacterDevice()) return { kind: 'stream', path: file };
  throw new OutputTypeError(file, `${link ? 'a symbolic link to ' : ''}${typeOf(stat)}`);
}
