import { promises as fs, type WriteStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { RadiumError, removeStaleTemps, tempPathFor } from '@radium-stats/core';
import { OutputExistsError } from '../errors.js';
import { resolveOutputTarget } from './output-target.js';

/** What `writeOutputFile` produced, and whether it went into a FIFO or device rather than a file. */
export interface WrittenOutput<T> {
  result: T;
  /** True when the output was a FIFO or character device written in place (e.g. `/dev/stdout`). */
  direct: boolean;
}

/** The one-line error for a write the output itself refused (full disk, reader gone, …). */
function writeFailed(file: string, error: NodeJS.ErrnoException): RadiumError {
  if (error.code === 'EPIPE') return new RadiumError(`${file} was closed by its reader before the export was complete: keep the reader open until the end.`);
  return new RadiumError(`Cannot write ${file} (${error.message}): check free space and permissions, or choose another --output.`);
}

/**
 * Hands `produce` a stream that owns `handle` (closing it at the end, after an fsync when `flush`),
 * waits until all of it is written, and turns an error of the output into a one-line `RadiumError`
 * (errors of `produce` itself pass unchanged).
 */
async function streamInto<T>(file: string, handle: FileHandle, flush: boolean, produce: (out: Writable) => Promise<T>): Promise<T> {
  const stream: WriteStream = handle.createWriteStream({ flush });
  let failure: NodeJS.ErrnoException | undefined;
  // Kept for the whole write: an error between two writes must not go unhandled.
  stream.on('error', (error) => void (failure ??= error));
  try {
    const result = await produce(stream);
    stream.end();
    await finished(stream);
    return result;
  } catch (error) {
    stream.destroy();
    throw failure ? writeFailed(file, failure) : error;
  }
}

/** Writes into a FIFO or character device as it is: no temp file, no rename, never created. */
async function writeInPlace<T>(file: string, produce: (out: Writable) => Promise<T>): Promise<T> {
  // No O_CREAT: if the FIFO went away since it was checked, fail rather than leave a regular file.
  const handle = await fs.open(file, fs.constants.O_WRONLY).catch((error: NodeJS.ErrnoException) => Promise.reject(writeFailed(file, error)));
  // fsync is for files; a FIFO or terminal refuses it.
  return streamInto(file, handle, false, produce);
}

/**
 * Writes `dest` (the regular file `requested` names, itself or through a symbolic link) so readers
 * see no file or the whole file: a temp file beside it, fsync, then rename (`force`) or hard-link
 * (fails when something appeared at the name meanwhile, so nothing is overwritten by accident).
 */
async function replaceWhole<T>(requested: string, dest: string, force: boolean, produce: (out: Writable) => Promise<T>): Promise<T> {
  const dir = path.dirname(dest);
  await removeStaleTemps(dir, path.basename(dest));
  const temp = tempPathFor(dest);
  let handle: FileHandle;
  try {
    handle = await fs.open(temp, 'wx', 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RadiumError(`Cannot write ${requested} (${code === 'ENOENT' ? `folder ${dir} does not exist` : (error as Error).message}): choose another --output.`);
  }
  try {
    // Flushed to disk before the rename, so a crash cannot leave an empty file under the final name.
    const result = await streamInto(requested, handle, true, produce);
    if (force) {
      // What `requested` names may have changed while the export ran: rename only over a regular file (or nothing).
      const now = await resolveOutputTarget(requested);
      if (now.kind !== 'file' || now.path !== dest) throw new RadiumError(`${requested} changed while the export was written: run the export again.`);
      await fs.rename(temp, dest);
    } else {
      try {
        await fs.link(temp, dest);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputExistsError(requested);
        throw error;
      }
      await fs.rm(temp, { force: true });
    }
    return result;
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes `--output`: a regular file (or a new one) is replaced whole and only with `force`; a symbolic
 * link to a regular file replaces the file it points to; a FIFO or character device is written into
 * directly; anything else is refused before `produce` runs. Temps of crashed earlier runs beside the
 * file are removed first.
 */
export async function writeOutputFile<T>(file: string, force: boolean, produce: (out: Writable) => Promise<T>): Promise<WrittenOutput<T>> {
  const requested = path.resolve(file);
  const target = await resolveOutputTarget(requested);
  if (target.kind === 'stream') return { result: await writeInPlace(requested, produce), direct: true };
  if (target.exists && !force) throw new OutputExistsError(requested);
  return { result: await replaceWhole(requested, target.path, force, produce), direct: false };
}
