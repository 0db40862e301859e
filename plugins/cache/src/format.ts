import { formatInteger, formatNotAvailable, formatPercent, formatUsd, nanoToUsd } from '@radium-stats/core';
import { promptTokens } from './cache-row.js';
import type { CacheRow } from './section.js';

/** `92.6%`, or `n/a (no prompt tokens)`. */
export function formatHitRate(row: CacheRow): string {
  return row.hitRate === null ? formatNotAvailable(row.hitRateReason ?? undefined) : formatPercent(row.hitRate);
}

/** Hit rate with the token counts behind it, for compare. */
export function describeHitRate(row: CacheRow): string {
  if (row.hitRate === null) return formatHitRate(row);
  return `${formatHitRate(row)} (${formatInteger(row.cacheReadTokens)} of ${formatInteger(promptTokens(row))} prompt tokens read from cache)`;
}

/** Savings in dollars; a loss says why, and unpriced models are named instead of counted as $0. */
export function formatSavings(row: CacheRow, unpricedModels: readonly string[]): string {
  const unpriced = `unpriced: ${unpricedModels.join(', ')}`;
  if (row.unpricedRequests > 0 && row.unpricedRequests === row.requests) return formatNotAvailable(unpriced);
  const amount = formatUsd(nanoToUsd(row.savingsNanoUsd));
  const notes: string[] = [];
  if (nanoToUsd(row.savingsNanoUsd) < 0) notes.push('cache writes cost more than reads saved');
  if (row.unpricedRequests > 0) notes.push(`priced models only; ${unpriced}`);
  return notes.length > 0 ? `${amount} (${notes.join('; ')})` : amount;
}
