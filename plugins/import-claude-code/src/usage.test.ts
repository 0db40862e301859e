import { describe, expect, it } from 'vitest';
import { claudeTokens, completeness } from './usage.js';

describe('claudeTokens', () => {
  it('keeps input apart from cache tokens and splits cache writes by TTL', () => {
    expect(
      claudeTokens({ input_tokens: 3, output_tokens: 120, cache_read_input_tokens: 14723, cache_creation_input_tokens: 3117, cache_creation: { ephemeral_5m_input_tokens: 17, ephemeral_1h_input_tokens: 3100 } }),
    ).toEqual({ input: 3, output: 120, cacheRead: 14723, cacheWrite: 17, cacheWrite1h: 3100, reasoning: 0 });
  });

  it('counts cache writes without a split as 5 minute writes, and what a short split leaves too', () => {
    expect(claudeTokens({ input_tokens: 1, output_tokens: 2, cache_creation_input_tokens: 500 })).toMatchObject({ cacheWrite: 500, cacheWrite1h: 0 });
    expect(claudeTokens({ cache_creation_input_tokens: 500, cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 } })).toMatchObject({ cacheWrite: 500 });
  });

  it('ranks a line with more output as more complete, then a larger prompt, then a TTL split', () => {
    expect(completeness({ output_tokens: 120 })).toBeGreaterThan(completeness({ output_tokens: 5, input_tokens: 10_000_000 }));
    expect(completeness({ output_tokens: 5, input_tokens: 10 })).toBeGreaterThan(completeness({ output_tokens: 5, input_tokens: 9 }));
    expect(completeness({ output_tokens: 5, cache_creation: {} })).toBeGreaterThan(completeness({ output_tokens: 5 }));
  });
});
