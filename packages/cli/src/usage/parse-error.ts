import { UsageError } from '@radium-stats/core';
import { closest } from './did-you-mean.js';
import { and, plural } from './words.js';

/** What oclif's parser errors carry besides their message. */
interface ParseErrorFields {
  /** RequiredArgsError: the missing arguments; UnexpectedArgsError: the extra words. */
  args?: readonly ({ name?: string } | string)[];
  /** NonExistentFlagsError: the unknown flags as typed (`--bogus`). */
  flags?: readonly string[];
}

/** The command a usage error is about, to point at its help and suggest its flags. */
export interface UsageContext {
  /** As typed: `rad stats session`. */
  command: string;
  /** Its flag names, without dashes. */
  flagNames: readonly string[];
}

// oclif ends every parse error with this line and shows the whole help after it; rad prints one line instead.
const SEE_MORE = /\s*See more help with --help\s*$/;
const ANSI = /\u001b\[[0-9;]*m/g;

/** `Expected an integer…` → `expected an integer…`, leaving names such as `JSON` as they are. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

function unknownFlags(flags: readonly string[], context: UsageContext): string {
  const first = `Unknown ${plural(flags.length, 'flag')} ${and(flags)}`;
  const typed = flags.length === 1 ? flags[0]!.replace(/^-+/, '').replace(/=.*$/, '') : undefined;
  const suggestion = typed === undefined ? undefined : closest(typed, context.flagNames);
  return suggestion === undefined ? first : `${first}: did you mean --${suggestion}?`;
}

/** oclif's message of a parse error, without its help lines, on one line. */
function oneLine(error: Error & ParseErrorFields, context: UsageContext): string {
  const message = error.message.replace(ANSI, '').replace(SEE_MORE, '');
  if (error.flags && error.flags.length > 0 && message.startsWith('Nonexistent flag')) return unknownFlags(error.flags, context);
  if (error.args && message.startsWith('Missing')) {
    const names = error.args.map((a) => (typeof a === 'string' ? a : (a.name ?? '')).toUpperCase()).filter((n) => n !== '');
    return `Missing required ${plural(names.length, 'argument')} ${and(names)}`;
  }
  if (error.args && message.startsWith('Unexpected argument')) {
    const words = error.args.map((a) => JSON.stringify(typeof a === 'string' ? a : a.name));
    return `Unexpected ${plural(words.length, 'argument')} ${and(words)}`;
  }
  // A flag whose value did not parse: `Parsing --limit \n\tExpected an integer but received: abc`.
  const parsing = /^Parsing (--\S+)\s*\n\s*([\s\S]*)$/.exec(message);
  if (parsing) return `${parsing[1]}: ${lowerFirst(parsing[2]!.trim().replace(/\s*\n\s*/g, ' '))}`;
  // Failed flag validation: `The following error occurred:\n  --a cannot also be provided when using --b`.
  const reasons = /^The following errors? occurred:\s*\n([\s\S]*)$/.exec(message);
  if (reasons) return reasons[1]!.split('\n').map((r) => r.trim()).filter((r) => r !== '').join('; ');
  return message.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

/**
 * Turns an error of oclif's argument parser into rad's one-line usage error (exit 2) that points at
 * the command's help: `Unknown flag --bogus. See \`rad stats session --help\`.`
 */
export function usageErrorFromParse(error: Error, context: UsageContext): UsageError {
  const what = oneLine(error as Error & ParseErrorFields, context);
  return new UsageError(`${what}${/[.?!]$/.test(what) ? '' : '.'} See \`${context.command} --help\`.`);
}
