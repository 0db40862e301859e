import {
  ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_INPUT_TOKENS,
  ATTR_GEN_AI_USAGE_OUTPUT_TOKENS,
  ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS,
} from '@opentelemetry/semantic-conventions/incubating';
import type { FactRow } from '@radium-stats/core';
import type { SpanAttributeValue } from './span-record.js';

/** Tokens in rad's disjoint buckets: `input` is the uncached prompt only, `cacheWrite` every cache write (5 minute and 1 hour). */
export interface TokenBuckets {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  reasoning: number;
}

/** A session's usage summed from its facts, for a session without a journal. */
export interface UsageTotals extends TokenBuckets {
  requests: number;
  costNanoUsd: number;
  unpricedRequests: number;
}

/**
 * The convention's usage attributes. Its `gen_ai.usage.input_tokens` is the whole prompt, cache
 * reads and writes included (rad's `input` bucket is the uncached part only).
 */
export function usageAttributes(tokens: TokenBuckets): Record<string, SpanAttributeValue> {
  return {
    [ATTR_GEN_AI_USAGE_INPUT_TOKENS]: tokens.input + tokens.cacheRead + tokens.cacheWrite,
    [ATTR_GEN_AI_USAGE_OUTPUT_TOKENS]: tokens.output,
    [ATTR_GEN_AI_USAGE_CACHE_READ_INPUT_TOKENS]: tokens.cacheRead,
    [ATTR_GEN_AI_USAGE_CACHE_CREATION_INPUT_TOKENS]: tokens.cacheWrite,
    [ATTR_GEN_AI_USAGE_REASONING_OUTPUT_TOKENS]: tokens.reasoning,
  };
}

/** Id and table of the tokens plugin's facts (columns as its `usage` table declares them). */
export const USAGE_FACTS = { plugin: 'tokens', table: 'usage' } as const;

/** A measure of a fact row as a number (0 when absent). */
const measure = (row: FactRow, column: string): number => Number(row[column] ?? 0);

/** Usage summed over the rows of the tokens plugin's `usage` table. */
export function usageTotals(rows: readonly FactRow[]): UsageTotals {
  const totals: UsageTotals = { requests: 0, input: 0, output: 0, cacheRead: 0, cacheWrite: 0, reasoning: 0, costNanoUsd: 0, unpricedRequests: 0 };
  for (const row of rows) {
    totals.requests += measure(row, 'requests');
    totals.input += measure(row, 'input_tokens');
    totals.output += measure(row, 'output_tokens');
    totals.cacheRead += measure(row, 'cache_read_tokens');
    totals.cacheWrite += measure(row, 'cache_write_5m_tokens') + measure(row, 'cache_write_1h_tokens');
    totals.reasoning += measure(row, 'reasoning_tokens');
    totals.costNanoUsd += measure(row, 'cost_nano_usd');
    totals.unpricedRequests += measure(row, 'unpriced_requests');
  }
  return totals;
}
