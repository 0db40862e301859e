import { Errors } from '@oclif/core';
import { UsageError } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { usageErrorFromParse } from './parse-error.js';

const context = { command: 'rad stats history', flagNames: ['limit', 'offset', 'json'] };
const convert = (error: Error) => usageErrorFromParse(error, context);
/** An error shaped as oclif's parser throws it (they are not exported). */
const parseError = (message: string, fields: object = {}) => Object.assign(new Errors.CLIError(`${message}\nSee more help with --help`), fields);

describe('usageErrorFromParse', () => {
  it("is rad's usage error: exit 2, one line ending with where to read more", () => {
    const error = convert(parseError('Nonexistent flag: --bogus', { flags: ['--bogus'] }));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('Unknown flag --bogus. See `rad stats history --help`.');
  });
  it('suggests the flag a typo was meant to be', () => {
    expect(convert(parseError('Nonexistent flag: --limt=5', { flags: ['--limt=5'] })).message).toBe('Unknown flag --limt=5: did you mean --limit? See `rad stats history --help`.');
  });
  it('names missing and unexpected arguments', () => {
    expect(convert(parseError('Missing 2 required args:\na  Id of session A\nb  Id of session B', { args: [{ name: 'a' }, { name: 'b' }] })).message).toBe(
      'Missing required arguments A and B. See `rad stats history --help`.',
    );
    expect(convert(parseError('Unexpected argument: c', { args: ['c'] })).message).toBe('Unexpected argument "c". See `rad stats history --help`.');
  });
  it('puts a bad flag value on one line, naming the flag', () => {
    const error = new Error('Parsing --limit \n\tExpected an integer but received: abc\nSee more help with --help');
    expect(convert(error).message).toBe('--limit: expected an integer but received: abc. See `rad stats history --help`.');
  });
  it('joins failed flag validations and drops their colours', () => {
    const error = parseError('The following errors occurred:\n  \u001b[2m--a cannot also be provided when using --b\n  --c requires --d\u001b[22m');
    expect(convert(error).message).toBe('--a cannot also be provided when using --b; --c requires --d. See `rad stats history --help`.');
  });
});
