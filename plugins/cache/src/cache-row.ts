import { addNanoUsd, nanoToUsd, subtractNanoUsd, toNanoUsd, type PriceQuote, type TokenCounts } from '@radium-stats/core';
import type { CacheRow } from './section.js';

/** Why a hit rate cannot be known. */
export const NO_PROMPT_TOKENS = 'no prompt tokens';

/** A row with every count at zero. */
export function emptyRow(): CacheRow {
  return {
    requests: 0,
    inputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
    hitRate: null,
    hitRateReason: NO_PROMPT_TOKENS,
    readSavingsNanoUsd: 0,
    writePremiumNanoUsd: 0,
    savingsNanoUsd: 0,
    savingsUsd: 0,
    unpricedRequests: 0,
    unpricedReason: null,
  };
}

/**
 * The reason shown when there were several: the first in string order, so a session, a merge and
 * a store's sums agree whatever order they saw them in.
 */
export function firstReason(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}

/** Folds one response: its cache tokens, and what its cache reads saved and its cache writes cost extra, at its own tier. */
export function addResponse(row: CacheRow, tokens: TokenCounts, quote: PriceQuote): void {
  row.requests += 1;
  row.inputTokens += tokens.input;
  row.cacheReadTokens += tokens.cacheRead;
  row.cacheWriteTokens += tokens.cacheWrite;
  row.cacheWrite1hTokens += tokens.cacheWrite1h;
  if (quote.parts === null || quote.inputUsdPerToken === null) {
    row.unpricedRequests += 1;
    row.unpricedReason = firstReason(row.unpricedReason, quote.unpricedReason ?? 'no price known');
    return;
  }
  const atInputPrice = (n: number) => toNanoUsd(n * quote.inputUsdPerToken!);
  const writes = tokens.cacheWrite + tokens.cacheWrite1h;
  row.readSavingsNanoUsd = addNanoUsd(row.readSavingsNanoUsd, subtractNanoUsd(atInputPrice(tokens.cacheRead), toNanoUsd(quote.parts.cacheRead)));
  row.writePremiumNanoUsd = addNanoUsd(row.writePremiumNanoUsd, subtractNanoUsd(toNanoUsd(quote.parts.cacheWrite + quote.parts.cacheWrite1h), atInputPrice(writes)));
}

/** Adds `from` into `into` (counts only; call finishRow after). */
export function addRow(into: CacheRow, from: CacheRow): void {
  into.requests += from.requests;
  into.inputTokens += from.inputTokens;
  into.cacheReadTokens += from.cacheReadTokens;
  into.cacheWriteTokens += from.cacheWriteTokens;
  into.cacheWrite1hTokens += from.cacheWrite1hTokens;
  into.readSavingsNanoUsd = addNanoUsd(into.readSavingsNanoUsd, from.readSavingsNanoUsd);
  into.writePremiumNanoUsd = addNanoUsd(into.writePremiumNanoUsd, from.writePremiumNanoUsd);
  into.unpricedRequests += from.unpricedRequests;
  into.unpricedReason = firstReason(into.unpricedReason, from.unpricedReason);
}

/** Prompt tokens of a row: uncached input, cache writes and cache reads. */
export function promptTokens(row: CacheRow): number {
  return row.inputTokens + row.cacheWriteTokens + row.cacheWrite1hTokens + row.cacheReadTokens;
}

const COUNTS = ['requests', 'inputTokens', 'cacheReadTokens', 'cacheWriteTokens', 'cacheWrite1hTokens', 'unpricedRequests'] as const;

/**
 * Fills the derived fields: hit rate (null without prompt tokens) and savings (null when anything is unpriced).
 * A count past 2^53 - 1 would no longer be exact: it throws, and the host leaves the section out with a warning.
 */
export function finishRow(row: CacheRow): CacheRow {
  for (const field of COUNTS) {
    if (!Number.isSafeInteger(row[field])) throw new RangeError(`${field} total ${row[field]} is past 2^53 - 1, where it would no longer be exact`);
  }
  const prompt = promptTokens(row);
  row.hitRate = prompt > 0 ? row.cacheReadTokens / prompt : null;
  row.hitRateReason = prompt > 0 ? null : NO_PROMPT_TOKENS;
  row.savingsNanoUsd = subtractNanoUsd(row.readSavingsNanoUsd, row.writePremiumNanoUsd);
  row.savingsUsd = row.unpricedRequests > 0 ? null : nanoToUsd(row.savingsNanoUsd);
  return row;
}
