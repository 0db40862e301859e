import { formatInteger, formatNotAvailable, type FieldRow, type ViewBlock } from '@radium-stats/core';
import { formatHitRate, formatSavings } from './format.js';
import type { CacheSection } from './section.js';

/** Row orders inside the block; per-model hit rates sit right under the overall one. */
const ORDER = { hitRate: 0, modelHitRate: 1, read: 2, write: 3, savings: 4, legacy: 5 } as const;
const WRITE_LABEL = 'Cache Write (5m / 1h)';

function notMeasured(reason: string): FieldRow[] {
  const value = formatNotAvailable(reason);
  return [
    { label: 'Hit Rate', value, order: ORDER.hitRate },
    { label: 'Cache Read', value, order: ORDER.read },
    { label: WRITE_LABEL, value, order: ORDER.write },
    { label: 'Savings', value, order: ORDER.savings },
  ];
}

function measured(section: CacheSection): FieldRow[] {
  const t = section.total;
  const rows: FieldRow[] = [{ label: 'Hit Rate', value: formatHitRate(t), order: ORDER.hitRate }];
  const models = Object.entries(section.models);
  // Per-model rates only add something when there is more than one model.
  if (models.length > 1) {
    for (const [model, row] of models) rows.push({ label: model, value: formatHitRate(row), indent: 1, order: ORDER.modelHitRate });
  }
  rows.push(
    { label: 'Cache Read', value: formatInteger(t.cacheReadTokens), order: ORDER.read },
    { label: WRITE_LABEL, value: `${formatInteger(t.cacheWriteTokens)} / ${formatInteger(t.cacheWrite1hTokens)}`, order: ORDER.write },
    { label: 'Savings', value: formatSavings(t, section.unpricedModels), order: ORDER.savings },
  );
  if (section.legacySessions > 0) {
    rows.push({ label: 'Not Measured', value: `${section.legacySessions} legacy session(s) left out`, order: ORDER.legacy });
  }
  return rows;
}

/** The `Cache` block of `rad stats session` (order 45). */
export function cacheSessionBlocks(section: CacheSection): ViewBlock[] {
  const rows = section.notMeasuredReason === null ? measured(section) : notMeasured(section.notMeasuredReason);
  return [{ kind: 'fields', title: 'Cache', order: 45, rows }];
}
