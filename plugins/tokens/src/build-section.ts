import type { TokensSection, UsageRow } from './section.js';
import { addRow, emptyRow, finishRow } from './usage-row.js';

/** What a section is built from: rows keyed by model and by engine. */
export interface SectionParts {
  priceDataVersion: string;
  models: Map<string, UsageRow>;
  engines: Map<string, UsageRow>;
  legacySessions: number;
}

function byKey(rows: Map<string, UsageRow>): Record<string, UsageRow> {
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(sorted.map(([key, row]) => [key, finishRow(row)]));
}

/** Builds a section: derived fields filled, total summed over models, unpriced models listed. */
export function buildSection(parts: SectionParts): TokensSection {
  const total = emptyRow();
  for (const row of parts.models.values()) addRow(total, row);
  const models = byKey(parts.models);
  return {
    priceDataVersion: parts.priceDataVersion,
    models,
    engines: byKey(parts.engines),
    total: finishRow(total),
    unpricedModels: Object.keys(models).filter((model) => models[model]!.unpricedRequests > 0),
    legacySessions: parts.legacySessions,
  };
}

/** The row for a key, created on first use. */
export function rowFor(rows: Map<string, UsageRow>, key: string): UsageRow {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = emptyRow()));
  return row;
}
