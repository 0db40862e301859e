import type { TokenCounts } from '@radium-stats/core';

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/**
 * Maps a Gemini chat message's `tokens` to our disjoint buckets: `input` (the prompt count)
 * includes `cached`, so the cache reads come out of it; tool-use prompt tokens (`tool`) are prompt
 * tokens outside that count, so they go in; `thoughts` are billed as output, so output includes
 * them and `reasoning` repeats them.
 */
export function geminiTokens(tokens: Record<string, unknown>): TokenCounts {
  const prompt = n(tokens.input);
  const cacheRead = Math.min(n(tokens.cached), prompt);
  const thoughts = n(tokens.thoughts);
  return { input: prompt - cacheRead + n(tokens.tool), output: n(tokens.output) + thoughts, cacheRead, cacheWrite: 0, cacheWrite1h: 0, reasoning: thoughts };
}
