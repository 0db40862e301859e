import * as fs from 'node:fs';
import { createInterface } from 'node:readline';
import { DeletedWhileReadingError, InvalidEventError, NotAFileError } from '../errors.js';
import { parseEventLine } from '../events/parse.js';
import type { SessionEvent } from '../events/schema.js';
import { openSessionFile } from '../store/session-file.js';

/** Journals up to this size are read whole and synchronously; larger ones are streamed. */
const WHOLE_READ_BYTES = 4 * 1024 * 1024;

/** A journal line that could not be used. */
export interface SkippedLine {
  /** 1-based line number. */
  line: number;
  /** Why it was skipped. */
  reason: string;
}

/**
 * Reads a journal as a stream of validated events; bad or torn lines are skipped and reported.
 * Anything but a regular file is never opened (NotAFileError); a missing one is DeletedWhileReadingError.
 */
export async function* readJournal(
  file: string,
  onSkip: (skipped: SkippedLine) => void = () => {},
): AsyncGenerator<SessionEvent> {
  const opened = openSessionFile(fs, file, Infinity);
  if (opened.kind === 'gone') throw new DeletedWhileReadingError(file);
  if (opened.kind !== 'file') throw new NotAFileError(file, opened.kind === 'odd' ? opened.what : 'too large');
  let lines: Iterable<string> | AsyncIterable<string>;
  let close: () => void;
  if (opened.size <= WHOLE_READ_BYTES) {
    // A journal of a few KB is read in one call: a stream's thread-pool round trips cost more than
    // the read, and a first history folds thousands of them.
    try {
      lines = fs.readFileSync(opened.fd, 'utf8').split('\n');
    } finally {
      fs.closeSync(opened.fd);
    }
    close = () => {};
  } else {
    const input = fs.createReadStream(file, { fd: opened.fd, encoding: 'utf8' });
    lines = createInterface({ input, crlfDelay: Infinity });
    close = () => input.destroy();
  }
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      if (line.trim() === '') continue;
      try {
        yield parseEventLine(line);
      } catch (error) {
        if (!(error instanceof InvalidEventError)) throw error;
        onSkip({ line: number, reason: error.message });
      }
    }
  } finally {
    // A reader that stops early (the first event is enough) must not leave the file open.
    close();
  }
}
