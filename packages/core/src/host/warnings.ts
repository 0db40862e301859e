import { escapeTerminal } from '../format/escape.js';

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
    this.sink(`Warning: ${escapeTerminal(message)}`);
  };
}
