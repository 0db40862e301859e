import type { PeriodUsage, PeriodView } from '@radium-stats/core';
import type { TokensSection, UsageRow } from './section.js';

/** A usage row as the time views show it; a cost past 2^53 nano-USD (about $9 million) loses its last digits. */
function periodUsage(row: UsageRow): PeriodUsage {
  return {
    requests: row.requests,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: row.cacheWriteTokens,
    cacheWrite1hTokens: row.cacheWrite1hTokens,
    costNanoUsd: Number(row.costNanoUsd),
    unpricedRequests: row.unpricedRequests,
  };
}

/** The tokens section merged over one period, for `rad stats daily|weekly|monthly`. */
export function tokensPeriodView(section: TokensSection): PeriodView {
  return {
    total: periodUsage(section.total),
    models: Object.fromEntries(Object.entries(section.models).map(([model, row]) => [model, periodUsage(row)])),
  };
}
