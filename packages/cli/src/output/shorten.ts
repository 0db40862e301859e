import { truncateText } from '@radium-stats/core';

/** Longest name shown whole in human output (a table cell, a field label); longer ones become `start…(N chars)`. */
export const SHOWN_NAME_CHARS = 80;
/**
 * Longest unbroken run of characters shown in free text (field values, notes): 128, so a session id
 * (at most 128 characters) is always shown whole and can be copied into `--session-id`.
 */
export const SHOWN_WORD_CHARS = 128;

const LONG_WORD = new RegExp(`\\S{${SHOWN_WORD_CHARS + 1},}`, 'g');

/**
 * Shortens over-long names for human output and remembers where it did, so a command prints one
 * warning however many names were cut (one 1 MB tool name once made `rad stats session` print 44 MB).
 */
export class Shortener {
  private readonly places = new Set<string>();

  /** A whole name (table cell, field label, heading), at most `SHOWN_NAME_CHARS`; `place` says where it is shown. */
  name(text: string, place: string): string {
    if (text.length <= SHOWN_NAME_CHARS) return text;
    this.places.add(place);
    return truncateText(text, SHOWN_NAME_CHARS);
  }

  /** Free text, each run of non-space characters at most `SHOWN_WORD_CHARS`. */
  words(text: string, place: string): string {
    if (text.length <= SHOWN_WORD_CHARS) return text;
    return text.replace(LONG_WORD, (word) => {
      this.places.add(place);
      return truncateText(word, SHOWN_WORD_CHARS);
    });
  }

  /** The one-line warning naming where names were shortened, or undefined when none was. */
  warning(): string | undefined {
    if (this.places.size === 0) return undefined;
    return (
      `Some names are too long to show and are shortened to their start and full length, as in \`abc…(1048576 chars)\` ` +
      `(in ${[...this.places].join(', ')}); --json shows them as stored.`
    );
  }
}
