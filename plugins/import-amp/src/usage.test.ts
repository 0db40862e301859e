import { describe, expect, it } from 'vitest';
import { engineOf, messageTokens } from './usage.js';

describe('messageTokens', () => {
  it('keeps input, cache reads and cache writes apart, as Amp records them', () => {
    const usage = { inputTokens: 10, outputTokens: 178, cacheCreationInputTokens: 986, cacheReadInputTokens: 11372, totalInputTokens: 12368 };
    expect(messageTokens(usage)).toEqual({ input: 10, output: 178, cacheRead: 11372, cacheWrite: 986, cacheWrite1h: 0, reasoning: 0 });
    expect(messageTokens({ inputTokens: -3, outputTokens: 'x' })).toEqual({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 });
  });
});

describe('engineOf', () => {
  it('names the provider from the model, and amp for a model it does not know', () => {
    expect(engineOf('claude-opus-4-5-20251101')).toBe('claude');
    expect(engineOf('gpt-5')).toBe('openai');
    expect(engineOf('gpt-5-codex')).toBe('openai');
    expect(engineOf('o3')).toBe('openai');
    expect(engineOf('gemini-3-pro-preview')).toBe('gemini');
    expect(engineOf('grok-code-fast-1')).toBe('xai');
    expect(engineOf('kimi-k2')).toBe('amp');
  });
});
