import { escapeTerminal } from '../format/escape.js';
import { truncateText } from '../format/truncate.js';

/**
 * Longest unbroken run of characters a warning shows: long enough for any real file path, short
 * enough that a stored 1,000-character model name cannot fill the terminal.
 */
export const WARNING_WORD_CHARS = 512;
const LONG_WORD = new RegExp(`\\S{${WARNING_WORD_CHARS + 1},}`, 'g');

/** Where warnings go: stderr by default, once per distinct message. */
export class Warnings {
  private readonly seen = new Set<string>();
  /** Every warning emitted so far, in order. */
  readonly messages: string[] = [];
  constructor(private readonly sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`)) {}
  /** Emits a warning unless the same text was already emitted. */
  warn = (message: string): void => {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.messages.push(message);
    this.sink(`Warning: ${escapeTerminal(message.replace(LONG_WORD, (word) => truncateText(word, WARNING_WORD_CHARS)))}`);
  };
}
