import { formatDuration, formatNotAvailable, formatUsd, nanoToUsd } from '@radium-stats/core';
import type { UsageRow } from './section.js';

/** Responses in a row that got a price. */
export function pricedResponses(row: UsageRow): number {
  return row.requests - row.errors - row.unpricedRequests;
}

/** Cost cell of a row: `$0.1250`, `$0.0100 + unpriced` when only part is priced, `n/a (unpriced)` when none is. */
export function formatRowCost(row: UsageRow): string {
  if (row.unpricedRequests === 0) return formatUsd(nanoToUsd(row.costNanoUsd));
  if (pricedResponses(row) === 0) return formatNotAvailable('unpriced');
  return `${formatUsd(nanoToUsd(row.costNanoUsd))} + unpriced`;
}

/** A total cost with the unpriced models named, never a silent $0 for them. */
export function formatTotalCost(total: UsageRow, unpricedModels: readonly string[]): string {
  if (unpricedModels.length === 0) return formatUsd(nanoToUsd(total.costNanoUsd));
  const marker = `unpriced: ${unpricedModels.join(', ')}`;
  if (pricedResponses(total) === 0) return formatNotAvailable(marker);
  return `${formatUsd(nanoToUsd(total.costNanoUsd))} + ${marker}`;
}

/** Average latency: `850ms`, `2.4s`, `1m 5s`; `n/a` when no response recorded one. */
export function formatLatency(ms: number | null): string {
  if (ms === null) return formatNotAvailable();
  // Each unit is picked by the value as rounded for it, so 999.6 ms is `1.0s` and 59.96 s is `1m 0s`, never `1000ms` or `60.0s`.
  if (Math.round(ms) < 1000) return `${Math.round(ms)}ms`;
  if (Math.round(ms / 100) < 600) return `${(Math.round(ms / 100) / 10).toFixed(1)}s`;
  return formatDuration(ms);
}
