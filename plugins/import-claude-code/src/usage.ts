import type { TokenCounts } from '@radium-stats/core';

/** `message.usage` of a Claude Code assistant line. */
export interface ClaudeUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number };
}

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/**
 * Maps Anthropic usage to our disjoint buckets. `input_tokens` already excludes cache tokens. Cache
 * writes are split by TTL when `cache_creation` is there; what the split leaves of
 * `cache_creation_input_tokens` (all of it when there is no split) is a 5 minute write, the default TTL.
 */
export function claudeTokens(usage: ClaudeUsage): TokenCounts {
  const written = n(usage.cache_creation_input_tokens);
  const oneHour = n(usage.cache_creation?.ephemeral_1h_input_tokens);
  const fiveMinutes = Math.max(n(usage.cache_creation?.ephemeral_5m_input_tokens), written - oneHour);
  return {
    input: n(usage.input_tokens),
    output: n(usage.output_tokens),
    cacheRead: n(usage.cache_read_input_tokens),
    cacheWrite: fiveMinutes,
    cacheWrite1h: oneHour,
    reasoning: 0,
  };
}

/** How complete a usage is, for choosing among the lines of one response: output first, then prompt size, then a TTL split. */
export function completeness(usage: ClaudeUsage): number {
  const prompt = n(usage.input_tokens) + n(usage.cache_read_input_tokens) + n(usage.cache_creation_input_tokens);
  // Output tokens dominate; prompt size and the split only break ties. Exact for counts below 2^20.
  return n(usage.output_tokens) * 2 ** 32 + Math.min(prompt, 2 ** 31 - 1) * 2 + (usage.cache_creation ? 1 : 0);
}
