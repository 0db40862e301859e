import type { CacheRow, CacheSection } from './section.js';
import { addRow, emptyRow, finishRow } from './cache-row.js';

/** What a section is built from. */
export interface SectionParts {
  priceDataVersion: string;
  models: Map<string, CacheRow>;
  legacySessions: number;
  notMeasuredReason: string | null;
}

/** Builds a section: rows sorted by model, derived fields filled, total summed, unpriced models listed. */
export function buildSection(parts: SectionParts): CacheSection {
  const total = emptyRow();
  for (const row of parts.models.values()) addRow(total, row);
  const sorted = [...parts.models.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const models = Object.fromEntries(sorted.map(([key, row]) => [key, finishRow(row)]));
  return {
    priceDataVersion: parts.priceDataVersion,
    models,
    total: finishRow(total),
    unpricedModels: sorted.filter(([, row]) => row.unpricedRequests > 0).map(([key]) => key),
    legacySessions: parts.legacySessions,
    notMeasuredReason: parts.notMeasuredReason,
  };
}

/** The row for a key, created on first use. */
export function rowFor(rows: Map<string, CacheRow>, key: string): CacheRow {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = emptyRow()));
  return row;
}
