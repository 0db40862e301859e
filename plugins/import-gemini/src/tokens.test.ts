import { describe, expect, it } from 'vitest';
import { geminiTokens } from './tokens.js';

describe('geminiTokens', () => {
  it('takes cached tokens out of input, adds tool-use prompt tokens, bills thoughts as output', () => {
    expect(geminiTokens({ input: 12034, output: 210, cached: 8192, thoughts: 640, tool: 7, total: 12891 })).toEqual({
      input: 12034 - 8192 + 7,
      output: 850,
      cacheRead: 8192,
      cacheWrite: 0,
      cacheWrite1h: 0,
      reasoning: 640,
    });
  });

  it('treats missing counts as zero and never reads more cache than prompt', () => {
    expect(geminiTokens({ input: 10, cached: 50 })).toMatchObject({ input: 0, cacheRead: 10, output: 0 });
  });
});
