import { storedNanoUsd, type SummedFactRow } from '@radium-stats/core';
import type { UsageRow } from './section.js';
import { emptyRow } from './usage-row.js';

/** A usage row's measures by fact column name; cost stays exact (a string of digits past 2^53 - 1). */
export function usageMeasures(row: UsageRow): Record<string, number | string> {
  return {
    requests: row.requests,
    errors: row.errors,
    input_tokens: row.inputTokens,
    output_tokens: row.outputTokens,
    cache_read_tokens: row.cacheReadTokens,
    cache_write_5m_tokens: row.cacheWriteTokens,
    cache_write_1h_tokens: row.cacheWrite1hTokens,
    reasoning_tokens: row.reasoningTokens,
    // Reports written before latencies were whole milliseconds may hold a fraction.
    latency_ms: Math.round(row.latencyTotalMs),
    latency_count: row.latencyCount,
    cost_nano_usd: row.costNanoUsd,
    unpriced_requests: row.unpricedRequests,
  };
}

const count = (value: SummedFactRow[string] | undefined): number => Number(value ?? 0);

/** A usage row (derived fields not yet filled) from one summed fact row. */
export function usageRowFromSums(row: SummedFactRow): UsageRow {
  const reason = row['unpriced_reason'];
  return {
    ...emptyRow(),
    requests: count(row['requests']),
    errors: count(row['errors']),
    inputTokens: count(row['input_tokens']),
    outputTokens: count(row['output_tokens']),
    cacheReadTokens: count(row['cache_read_tokens']),
    cacheWriteTokens: count(row['cache_write_5m_tokens']),
    cacheWrite1hTokens: count(row['cache_write_1h_tokens']),
    reasoningTokens: count(row['reasoning_tokens']),
    latencyTotalMs: count(row['latency_ms']),
    latencyCount: count(row['latency_count']),
    costNanoUsd: storedNanoUsd(BigInt(row['cost_nano_usd'] ?? 0)),
    unpricedRequests: count(row['unpriced_requests']),
    unpricedReason: typeof reason === 'string' ? reason : null,
  };
}
