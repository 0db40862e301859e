import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { InvalidEventError } from '../errors.js';
import { parseEventLine } from '../events/parse.js';
import type { SessionEvent } from '../events/schema.js';

/** A journal line that could not be used. */
export interface SkippedLine {
  /** 1-based line number. */
  line: number;
  /** Why it was skipped. */
  reason: string;
}

/** Reads a journal as a stream of validated events; bad or torn lines are skipped and reported. */
export async function* readJournal(
  file: string,
  onSkip: (skipped: SkippedLine) => void = () => {},
): AsyncGenerator<SessionEvent> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
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
}
