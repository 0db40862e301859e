import { describe, expect, it } from 'vitest';
import { openCodeTokens } from './tokens.js';

const t = (input: number, output: number, reasoning: number, read: number, write: number, total?: number) => ({
  ...(total === undefined ? {} : { total }),
  input,
  output,
  reasoning,
  cache: { read, write },
});

describe('openCodeTokens', () => {
  it('keeps input as the uncached prompt and maps cache reads and writes', () => {
    expect(openCodeTokens(t(12, 300, 0, 800, 15000), 'anthropic')).toEqual({ input: 12, output: 300, cacheRead: 800, cacheWrite: 15000, cacheWrite1h: 0, reasoning: 0 });
  });

  it('adds reasoning to output when the total shows OpenCode kept it apart', () => {
    expect(openCodeTokens(t(10, 40, 30, 100, 0, 180), 'openai')).toMatchObject({ output: 70, reasoning: 30 });
  });

  it('leaves output alone when the total shows reasoning already inside it', () => {
    expect(openCodeTokens(t(1000, 500, 200, 4000, 0, 5500), 'openai')).toMatchObject({ output: 500, reasoning: 200 });
  });

  it('without a telling total, adds reasoning only for Google, whose SDK reported thoughts apart', () => {
    expect(openCodeTokens(t(800, 100, 50, 0, 0), 'google')).toMatchObject({ output: 150, reasoning: 50 });
    expect(openCodeTokens(t(800, 100, 50, 0, 0), 'openrouter')).toMatchObject({ output: 100, reasoning: 50 });
    expect(openCodeTokens(t(800, 100, 50, 0, 0, 7), 'openai')).toMatchObject({ output: 100, reasoning: 50 });
  });

  it('reads missing, negative or non-numeric counts as 0', () => {
    expect(openCodeTokens({ input: -3, output: 'x', cache: null }, 'openai')).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 });
    expect(openCodeTokens(undefined)).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 });
  });
});
