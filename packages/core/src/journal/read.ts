import * as fs from 'node:fs';
import { createInterface } from 'node:readline';
import { DeletedWhileReadingError, InvalidEventError, NotAFileError } from '../errors.js';
import { parseEventLine } from '../events/parse.js';
import type { SessionEvent } from '../events/schema.js';
import { openSessionFile } from '../store/session-file.js';

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
  const input = fs.createReadStream(file, { fd: opened.fd, encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
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
    input.destroy();
  }
}
