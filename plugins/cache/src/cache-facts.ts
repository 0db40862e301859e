import { storedNanoUsd, type SummedFactRow } from '@radium-stats/core';
import { emptyRow } from './cache-row.js';
import type { CacheRow } from './section.js';

/** A cache row's measures by fact column name; amounts stay exact (strings of digits past 2^53 - 1). */
export function cacheMeasures(row: CacheRow): Record<string, number | string> {
  return {
    requests: row.requests,
    input_tokens: row.inputTokens,
    cache_read_tokens: row.cacheReadTokens,
    cache_write_5m_tokens: row.cacheWriteTokens,
    cache_write_1h_tokens: row.cacheWrite1hTokens,
    read_savings_nano_usd: row.readSavingsNanoUsd,
    write_premium_nano_usd: row.writePremiumNanoUsd,
    unpriced_requests: row.unpricedRequests,
  };
}

const count = (value: SummedFactRow[string] | undefined): number => Number(value ?? 0);
const nano = (value: SummedFactRow[string] | undefined) => storedNanoUsd(BigInt(value ?? 0));

/** A cache row (derived fields not yet filled) from one summed fact row. */
export function cacheRowFromSums(row: SummedFactRow): CacheRow {
  const reason = row['unpriced_reason'];
  return {
    ...emptyRow(),
    requests: count(row['requests']),
    inputTokens: count(row['input_tokens']),
    cacheReadTokens: count(row['cache_read_tokens']),
    cacheWriteTokens: count(row['cache_write_5m_tokens']),
    cacheWrite1hTokens: count(row['cache_write_1h_tokens']),
    readSavingsNanoUsd: nano(row['read_savings_nano_usd']),
    writePremiumNanoUsd: nano(row['write_premium_nano_usd']),
    unpricedRequests: count(row['unpriced_requests']),
    unpricedReason: typeof reason === 'string' ? reason : null,
  };
}
