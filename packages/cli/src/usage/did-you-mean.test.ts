import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts a swap of two neighbouring characters as one edit', () => {
    expect(editDistance('stast', 'stats')).toBe(1);
    expect(editDistance('sesion', 'session')).toBe(1);
    expect(editDistance('model', 'model')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closest', () => {
  it('finds the name a typo was meant to be, and nothing for a word far from every name', () => {
    expect(closest('sesion-id', ['json', 'session-id', 'workspace'])).toBe('session-id');
    expect(closest('bogus', ['json', 'session-id', 'workspace'])).toBeUndefined();
    expect(closest('json', ['json'])).toBeUndefined();
  });
});
