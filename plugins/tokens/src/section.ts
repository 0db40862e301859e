import { nonNegativeNanoUsdSchema } from '@radium-stats/core';
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** Usage of one model or one engine (or their total). */
export const usageRowSchema = z.object({
  requests: count.describe('API requests made: successful responses plus errors'),
  errors: count.describe('Failed API requests (`api.error`)'),
  inputTokens: count.describe('Uncached prompt tokens'),
  outputTokens: count.describe('Generated tokens, reasoning included'),
  cacheReadTokens: count.describe('Prompt tokens read from the cache'),
  cacheWriteTokens: count.describe('Prompt tokens written to the cache with a 5 minute TTL'),
  cacheWrite1hTokens: count.describe('Prompt tokens written to the cache with a 1 hour TTL'),
  reasoningTokens: count.describe('Reasoning tokens (already inside outputTokens)'),
  latencyTotalMs: z.number().nonnegative().describe('Sum of the latencies of successful responses that recorded one, each in whole milliseconds'),
  latencyCount: count.describe('Successful responses that recorded a latency'),
  avgLatencyMs: z.number().nonnegative().nullable().describe('latencyTotalMs / latencyCount; null when no response recorded a latency'),
  costNanoUsd: nonNegativeNanoUsdSchema.describe(
    'Cost of the priced responses in integer nano-dollars, so sums across sessions are exact: a number, or a string of digits past 2^53 - 1 (about $9 million)',
  ),
  costUsd: z.number().nonnegative().nullable().describe('costNanoUsd in USD; null when any response is unpriced'),
  unpricedRequests: count.describe('Successful responses with no known price'),
  unpricedReason: z.string().nullable().describe('Why an unpriced response had no price (the first in string order when there were several reasons)'),
});

/** The `tokens` section of a session report. */
export const tokensSectionSchema = z.object({
  priceDataVersion: z.string().describe('Price data the costs were computed with (several, comma-separated, after a merge)'),
  models: z.record(z.string(), usageRowSchema).describe('Usage per model name'),
  engines: z.record(z.string(), usageRowSchema).describe('Usage per engine (provider backend)'),
  total: usageRowSchema.describe('Sum over all models'),
  unpricedModels: z.array(z.string()).describe('Models with at least one unpriced response, sorted'),
  legacySessions: count.describe('Sessions from legacy reports, which did not measure errors, cache writes, reasoning or latency'),
  priceData: z
    .array(z.object({ version: z.string(), sessions: count }))
    .optional()
    .describe('Sessions per price data version, sorted by version; absent when that is one session priced with priceDataVersion'),
  legacyOnly: z
    .object({
      models: z.array(z.string()).describe('Sorted'),
      engines: z.array(z.string()).describe('Sorted'),
    })
    .optional()
    .describe('Models and engines whose usage all came from legacy reports, so their errors, cache writes, reasoning and latency are unknown; absent when there are none'),
});

/** Usage of one model, engine or total. */
export type UsageRow = z.infer<typeof usageRowSchema>;
/** The `tokens` section. */
export type TokensSection = z.infer<typeof tokensSectionSchema>;
