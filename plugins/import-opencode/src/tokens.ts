import type { TokenCounts } from '@radium-stats/core';

type Json = Record<string, unknown>;

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/** Providers whose SDK reported reasoning beside the output count rather than inside it (Gemini's thoughts). */
const REASONING_BESIDE_OUTPUT = new Set(['google', 'google-vertex']);

/**
 * True when OpenCode's `output` leaves reasoning out. Its `total` (the SDK's total) settles it: it
 * is `input + cache.read + cache.write + output + reasoning` when reasoning is separate, and
 * `input + cache.read + cache.write + output` when it is already in `output` (OpenAI-style counts
 * in older releases). Without a `total` that tells, only Google's SDK kept them apart.
 */
function reasoningBesideOutput(tokens: Json, provider: string | undefined): boolean {
  const cache = (typeof tokens.cache === 'object' && tokens.cache !== null ? tokens.cache : {}) as Json;
  const base = count(tokens.input) + count(cache.read) + count(cache.write) + count(tokens.output);
  const total = tokens.total;
  if (typeof total === 'number' && Number.isFinite(total)) {
    if (total === base + count(tokens.reasoning)) return true;
    if (total === base) return false;
  }
  return provider !== undefined && REASONING_BESIDE_OUTPUT.has(provider);
}

/**
 * Our token buckets from an OpenCode `tokens` object (`{input, output, reasoning, cache: {read,
 * write}, total?}`): `input` is already the uncached prompt, `output` gets reasoning added when
 * OpenCode kept it apart (our output includes reasoning).
 */
export function openCodeTokens(raw: unknown, provider?: string): TokenCounts {
  const tokens = (typeof raw === 'object' && raw !== null ? raw : {}) as Json;
  const cache = (typeof tokens.cache === 'object' && tokens.cache !== null ? tokens.cache : {}) as Json;
  const reasoning = count(tokens.reasoning);
  const output = count(tokens.output) + (reasoning > 0 && reasoningBesideOutput(tokens, provider) ? reasoning : 0);
  return { input: count(tokens.input), output, cacheRead: count(cache.read), cacheWrite: count(cache.write), cacheWrite1h: 0, reasoning: Math.min(reasoning, output) };
}

/** True when a `tokens` object counts anything (a message still streaming has all zeros). */
export function hasTokens(tokens: TokenCounts): boolean {
  return tokens.input + tokens.output + tokens.cacheRead + tokens.cacheWrite > 0;
}
