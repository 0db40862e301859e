import { describe, expect, it } from 'vitest';
import { codexTokens, readUsage, usageSince } from './usage.js';

describe('Codex usage', () => {
  it('takes cached tokens out of input; output keeps its reasoning', () => {
    const u = readUsage({ input_tokens: 2500, cached_input_tokens: 500, output_tokens: 300, reasoning_output_tokens: 200, total_tokens: 2800 })!;
    expect(codexTokens(u)).toEqual({ input: 2000, output: 300, cacheRead: 500, cacheWrite: 0, cacheWrite1h: 0, reasoning: 200 });
  });

  it('differences totals without going below zero', () => {
    const a = readUsage({ input_tokens: 10, output_tokens: 5 })!;
    const b = readUsage({ input_tokens: 25, output_tokens: 4 })!;
    expect(usageSince(b, a)).toMatchObject({ input: 15, output: 0 });
    expect(usageSince(b, undefined)).toMatchObject({ input: 25, output: 4 });
  });
});
