import type { TokenCounts } from '../events/schema.js';
import type { CostParts, PriceQuote } from './types.js';

/** Prices that apply to one request (tier and date already chosen), in USD per million tokens. */
export interface RateCard {
  /** Uncached prompt tokens. */
  input: number;
  /** Generated tokens (reasoning too, unless `reasoning` is set). */
  output: number;
  /** Prompt tokens read from the cache. */
  cacheRead: number;
  /** Cache write with a 5 minute TTL. */
  cacheWrite: number;
  /** Cache write with a 1 hour TTL. */
  cacheWrite1h: number;
  /** Reasoning tokens, when the model prices them apart from other output. */
  reasoning?: number;
  /** Flat USD fee per request, when the model charges one. */
  perRequestUsd?: number;
}

const PER_MILLION = 1_000_000;

/** Whole prompt of a request: the tier is chosen from this, since cache tokens are prompt tokens too. */
export function promptTokens(tokens: TokenCounts): number {
  return tokens.input + tokens.cacheRead + tokens.cacheWrite + tokens.cacheWrite1h;
}

/** USD per bucket of one request at the given rates. */
export function costParts(tokens: TokenCounts, rates: RateCard): CostParts {
  // Reasoning is part of output; only a separate reasoning price moves those tokens out of it.
  const reasoning = rates.reasoning === undefined ? 0 : Math.min(tokens.reasoning, tokens.output);
  const parts: CostParts = {
    input: (tokens.input * rates.input) / PER_MILLION,
    output: ((tokens.output - reasoning) * rates.output + reasoning * (rates.reasoning ?? 0)) / PER_MILLION,
    cacheRead: (tokens.cacheRead * rates.cacheRead) / PER_MILLION,
    cacheWrite: (tokens.cacheWrite * rates.cacheWrite) / PER_MILLION,
    cacheWrite1h: (tokens.cacheWrite1h * rates.cacheWrite1h) / PER_MILLION,
  };
  if (rates.perRequestUsd) parts.perRequest = rates.perRequestUsd;
  return parts;
}

/** A priced quote for one request from its rates. */
export function quoteFromRates(tokens: TokenCounts, rates: RateCard, source: string): PriceQuote {
  const parts = costParts(tokens, rates);
  const costUsd = parts.input + parts.output + parts.cacheRead + parts.cacheWrite + parts.cacheWrite1h + (parts.perRequest ?? 0);
  return { costUsd, parts, inputUsdPerToken: rates.input / PER_MILLION, source };
}

/** A quote for a request no price is known for. */
export function unpricedQuote(reason: string): PriceQuote {
  return { costUsd: null, parts: null, inputUsdPerToken: null, source: null, unpricedReason: reason };
}
