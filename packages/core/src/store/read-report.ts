import * as fs from 'node:fs';
import { NotAFileError, ReportTooLargeError, type CorruptFileError } from '../errors.js';
import { isRacy, type FileStamp } from '../database/stamps.js';
import { MAX_REPORT_BYTES, openSessionFile, type SessionFileCheck } from './session-file.js';

// Reports are read into one reused buffer (the text is copied out at once): a fresh buffer per
// report is an external allocation each time, which adds to the garbage collector's work in a build.
const SCRATCH_BYTES = 1024 * 1024;
let scratch: Buffer | undefined;

/** Why a report file that is there cannot be read: not a regular file, or too large. */
export function unusableReport(file: string, found: Extract<SessionFileCheck, { kind: 'odd' | 'large' }>): CorruptFileError {
  return found.kind === 'odd' ? new NotAFileError(file, found.what) : new ReportTooLargeError(file, found.size, MAX_REPORT_BYTES);
}

/**
 * A report file's stamp and text, from one open file (so the stamp matches what was read);
 * undefined when it is gone. Anything but a regular file is never read (nor opened, unless a
 * listing gave it as a regular file), and one over MAX_REPORT_BYTES never read: both throw a
 * CorruptFileError naming the file.
 */
export function readReportText(file: string, nowMs: number, listedAsFile = false): { stamp: FileStamp; text: string } | undefined {
  const opened = openSessionFile(fs, file, MAX_REPORT_BYTES, listedAsFile);
  if (opened.kind === 'gone') return undefined;
  if (opened.kind !== 'file') throw unusableReport(file, opened);
  const { fd, size } = opened;
  try {
    const buffer = size <= SCRATCH_BYTES ? (scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES)) : Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { stamp: { size, mtimeMs: isRacy(opened.mtimeMs, nowMs) ? -1 : opened.mtimeMs }, text: buffer.toString('utf8', 0, read) };
  } finally {
    fs.closeSync(fd);
  }
}
