import { describe, expect, it } from 'vitest';
import { unknownCommandMessage } from './unknown-command.js';

const names = {
  commands: ['init', 'stats session', 'stats model', 'stats history', 'session start', 'session end', 'plugins install'],
  topics: ['stats', 'session', 'plugins', 'stats session', 'stats model'],
};
const message = (...words: string[]) => unknownCommandMessage('rad', words, names);

describe('unknownCommandMessage', () => {
  it('suggests the command a mistyped word was meant to be, pointing at the help of the topic', () => {
    expect(message('stats', 'sesion')).toBe('Unknown command "stats sesion": did you mean `rad stats session`? See `rad stats --help`.');
    expect(message('stats', 'modl', 'extra')).toBe('Unknown command "stats modl": did you mean `rad stats model`? See `rad stats --help`.');
  });
  it('takes in the words after a mistyped topic, preferring the more specific name', () => {
    expect(message('stast', 'session')).toBe('Unknown command "stast session": did you mean `rad stats session`? See `rad --help`.');
    expect(message('sesion', 'strat')).toBe('Unknown command "sesion strat": did you mean `rad session start`? See `rad --help`.');
    expect(message('stast')).toBe('Unknown command "stast": did you mean `rad stats`? See `rad --help`.');
  });
  it('suggests nothing for a word far from every command', () => {
    expect(message('stats', 'foo')).toBe('Unknown command "stats foo". See `rad stats --help`.');
    expect(message('deploy')).toBe('Unknown command "deploy". See `rad --help`.');
  });
  it('names the extra words after a command that takes no arguments', () => {
    expect(message('stats', 'session', 'a', 'b')).toBe('Unexpected arguments "a" and "b". See `rad stats session --help`.');
  });
});
