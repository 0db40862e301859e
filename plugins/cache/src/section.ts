import { nanoUsdSchema } from '@radium-stats/core';
import { z } from 'zod';

const count = z.number().int().nonnegative();
/** Integer nano-dollars: a number, or a string of digits past 2^53 - 1 (about $9 million), so sums stay exact. */
const nano = nanoUsdSchema;

/** Cache use of one model, or of all models together. */
export const cacheRowSchema = z.object({
  requests: count.describe('Successful API responses'),
  inputTokens: count.describe('Uncached prompt tokens'),
  cacheReadTokens: count.describe('Prompt tokens read from the cache'),
  cacheWriteTokens: count.describe('Prompt tokens written to the cache with a 5 minute TTL'),
  cacheWrite1hTokens: count.describe('Prompt tokens written to the cache with a 1 hour TTL'),
  hitRate: z.number().min(0).max(1).nullable().describe('cacheRead / (input + cacheWrite + cacheWrite1h + cacheRead); null when that is 0'),
  hitRateReason: z.string().nullable().describe('Why hitRate is null'),
  readSavingsNanoUsd: nano.describe('Cache reads at the uncached input price minus what they cost, priced responses only, nano-dollars'),
  writePremiumNanoUsd: nano.describe('Cache writes minus the same tokens at the uncached input price, priced responses only, nano-dollars'),
  savingsNanoUsd: nano.describe('readSavingsNanoUsd - writePremiumNanoUsd; negative when the cache cost more than it saved'),
  savingsUsd: z.number().nullable().describe('savingsNanoUsd in USD; null when any response is unpriced'),
  unpricedRequests: count.describe('Responses with no known price'),
  unpricedReason: z.string().nullable().describe('Why an unpriced response had no price (the first in string order when there were several reasons)'),
});

/** The `cache` section of a session report. */
export const cacheSectionSchema = z.object({
  priceDataVersion: z.string().describe('Price data the savings were computed with (several, comma-separated, after a merge)'),
  models: z.record(z.string(), cacheRowSchema).describe('Cache use per model name'),
  total: cacheRowSchema.describe('Sum over all models'),
  unpricedModels: z.array(z.string()).describe('Models with at least one unpriced response, sorted'),
  legacySessions: count.describe('Sessions from legacy reports, whose cache use was never measured'),
  notMeasuredReason: z.string().nullable().describe('Set when no merged session measured the cache at all'),
});

/** Cache use of one model or of all. */
export type CacheRow = z.infer<typeof cacheRowSchema>;
/** The `cache` section. */
export type CacheSection = z.infer<typeof cacheSectionSchema>;
