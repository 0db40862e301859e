import type { TokenCounts } from '@radium-stats/core';

/** A Codex usage object (`last_token_usage` or `total_token_usage`), normalised. */
export interface CodexUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/** Reads a usage object, or null when there is none. */
export function readUsage(value: unknown): CodexUsage | null {
  if (typeof value !== 'object' || value === null) return null;
  const u = value as Record<string, unknown>;
  return {
    input: n(u.input_tokens),
    cached: n(u.cached_input_tokens ?? u.cache_read_input_tokens),
    output: n(u.output_tokens),
    reasoning: n(u.reasoning_output_tokens),
    total: n(u.total_tokens),
  };
}

/** True when two usages are the same numbers (a repeated `token_count`). */
export function sameUsage(a: CodexUsage, b: CodexUsage): boolean {
  return a.input === b.input && a.cached === b.cached && a.output === b.output && a.reasoning === b.reasoning && a.total === b.total;
}

/** `current - previous`, per field, never below 0. */
export function usageSince(current: CodexUsage, previous: CodexUsage | undefined): CodexUsage {
  const d = (k: keyof CodexUsage): number => Math.max(0, current[k] - (previous?.[k] ?? 0));
  return { input: d('input'), cached: d('cached'), output: d('output'), reasoning: d('reasoning'), total: d('total') };
}

/** True when a usage counts nothing. */
export function isEmptyUsage(u: CodexUsage): boolean {
  return u.input === 0 && u.cached === 0 && u.output === 0 && u.reasoning === 0;
}

/**
 * Maps OpenAI usage to our disjoint buckets: `input_tokens` includes `cached_input_tokens`, so the
 * uncached input is the difference; `output_tokens` already includes reasoning.
 */
export function codexTokens(u: CodexUsage): TokenCounts {
  const cacheRead = Math.min(u.cached, u.input);
  return { input: u.input - cacheRead, output: u.output, cacheRead, cacheWrite: 0, cacheWrite1h: 0, reasoning: Math.min(u.reasoning, u.output) };
}
