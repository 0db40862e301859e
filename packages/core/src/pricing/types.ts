import type { TokenCounts } from '../events/schema.js';
import type { PricedModel } from './data-version.js';

export type { PricedModel } from './data-version.js';

/** One request to price: the model, its provider backend, its tokens and when it happened. */
export interface PriceRequest {
  /** Model name as the agent reported it. */
  model: string;
  /** Provider backend (`claude`, `openai`, `gemini`, ...), used to pick the right price table. */
  engine: string;
  /** Disjoint token buckets of this one request. */
  tokens: TokenCounts;
  /** ISO time of the request, so dated price changes apply. */
  at: string;
}

/** USD cost of each token bucket of one request. */
export interface CostParts {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
  /** Flat fee per request, for the few models that charge one (absent otherwise). */
  perRequest?: number;
}

/** The price of one request, or why it has none. */
export interface PriceQuote {
  /** Total USD, or null when no price is known for the model. */
  costUsd: number | null;
  /** USD per bucket, or null when unpriced. */
  parts: CostParts | null;
  /** USD per uncached input token at the tier this request fell in, or null when unpriced. */
  inputUsdPerToken: number | null;
  /** Where the price came from, e.g. `genai-prices:anthropic/claude-sonnet-4-5` or `config`. */
  source: string | null;
  /** Why the request is unpriced, when it is. */
  unpricedReason?: string;
}

/** Prices requests from the bundled price table and the workspace's overrides. */
export interface PriceService {
  /**
   * Identifies the price data used, stored in reports so old numbers stay explainable. While a
   * session is folded it names the data that priced that session's models (the table's version,
   * plus a hash of the overrides that priced them): read it in `finish`, once every request is seen.
   */
  readonly dataVersion: string;
  /** The price data that prices these models now: the table's version, plus a hash of the overrides that apply to them. */
  dataVersionFor(models: Iterable<PricedModel>): string;
  /** Prices one request; never throws for an unknown model, returns an unpriced quote instead. */
  quote(request: PriceRequest): PriceQuote;
}
