import { addNanoUsd, nanoToUsd, toNanoUsd, type PriceQuote, type TokenCounts } from '@radium-stats/core';
import type { UsageRow } from './section.js';

/** A row with every count at zero. */
export function emptyRow(): UsageRow {
  return {
    requests: 0,
    errors: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    reasoningTokens: 0,
    latencyTotalMs: 0,
    latencyCount: 0,
    avgLatencyMs: null,
    costNanoUsd: 0,
    costUsd: null,
    unpricedRequests: 0,
    unpricedReason: null,
  };
}

/**
 * The reason a row shows when its unpriced responses had several: the first in string order, so
 * a session, a merge and a store's sums agree whatever order they saw them in.
 */
export function firstReason(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/** Folds one successful response into a row (latency only counts when the source recorded it). */
export function addResponse(row: UsageRow, tokens: TokenCounts, durationMs: number | undefined, quote: PriceQuote): void {
  row.requests += 1;
  row.inputTokens += tokens.input;
  row.outputTokens += tokens.output;
  row.cacheReadTokens += tokens.cacheRead;
  row.cacheWriteTokens += tokens.cacheWrite;
  row.cacheWrite1hTokens += tokens.cacheWrite1h;
  row.reasoningTokens += tokens.reasoning;
  if (durationMs !== undefined) {
    // Whole milliseconds keep latency sums exact in any order, as a store adds them.
    row.latencyTotalMs += Math.round(durationMs);
    row.latencyCount += 1;
  }
  if (quote.costUsd === null) {
    row.unpricedRequests += 1;
    row.unpricedReason = firstReason(row.unpricedReason, quote.unpricedReason ?? 'no price known');
  } else {
    row.costNanoUsd = addNanoUsd(row.costNanoUsd, toNanoUsd(quote.costUsd));
  }
}

/** Folds one failed request into a row; its latency is left out, so average latency is that of answers. */
export function addError(row: UsageRow): void {
  row.requests += 1;
  row.errors += 1;
}

/** Adds `from` into `into` (counts only; call finishRow after). */
export function addRow(into: UsageRow, from: UsageRow): void {
  into.requests += from.requests;
  into.errors += from.errors;
  into.inputTokens += from.inputTokens;
  into.outputTokens += from.outputTokens;
  into.cacheReadTokens += from.cacheReadTokens;
  into.cacheWriteTokens += from.cacheWriteTokens;
  into.cacheWrite1hTokens += from.cacheWrite1hTokens;
  into.reasoningTokens += from.reasoningTokens;
  into.latencyTotalMs += from.latencyTotalMs;
  into.latencyCount += from.latencyCount;
  into.costNanoUsd = addNanoUsd(into.costNanoUsd, from.costNanoUsd);
  into.unpricedRequests += from.unpricedRequests;
  into.unpricedReason = firstReason(into.unpricedReason, from.unpricedReason);
}

const COUNTS = ['requests', 'errors', 'inputTokens', 'outputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'cacheWrite1hTokens', 'reasoningTokens', 'latencyCount', 'unpricedRequests'] as const;

/**
 * Fills the derived fields: average latency, and USD cost unless something in the row is unpriced.
 * A count past 2^53 - 1 would no longer be exact (events are capped far below, so only millions of
 * responses at the ceiling get there): it throws, and the host leaves the section out with a warning.
 */
export function finishRow(row: UsageRow): UsageRow {
  for (const field of COUNTS) {
    if (!Number.isSafeInteger(row[field])) throw new RangeError(`${field} total ${row[field]} is past 2^53 - 1, where it would no longer be exact`);
  }
  row.avgLatencyMs = row.latencyCount > 0 ? row.latencyTotalMs / row.latencyCount : null;
  row.costUsd = row.unpricedRequests > 0 ? null : nanoToUsd(row.costNanoUsd);
  return row;
}
