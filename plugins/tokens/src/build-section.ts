import type { TokensSection, UsageRow } from './section.js';
import { addRow, emptyRow, finishRow } from './usage-row.js';

/** What a section is built from: rows keyed by model and by engine. */
export interface SectionParts {
  priceDataVersion: string;
  models: Map<string, UsageRow>;
  engines: Map<string, UsageRow>;
  legacySessions: number;
  /** Models and engines whose usage all came from legacy reports. */
  legacyOnly?: { models: Iterable<string>; engines: Iterable<string> };
  /** Sessions per price data version, for a merged section (left out of the section when it is one session's). */
  priceData?: Map<string, number>;
}

/** Adds a session's price data versions (comma-separated after a merge) to the sessions per version. */
export function countPriceData(into: Map<string, number>, versions: string, sessions: number): void {
  for (const version of versions.split(', ')) if (version !== '') into.set(version, (into.get(version) ?? 0) + sessions);
}

/** Keys of `rows` among `keys`, sorted. */
function present(keys: Iterable<string> | undefined, rows: Record<string, UsageRow>): string[] {
  return [...new Set(keys ?? [])].filter((key) => Object.hasOwn(rows, key)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  const engines = byKey(parts.engines);
  const section: TokensSection = {
    priceDataVersion: parts.priceDataVersion,
    models,
    engines,
    total: finishRow(total),
    unpricedModels: Object.keys(models).filter((model) => models[model]!.unpricedRequests > 0),
    legacySessions: parts.legacySessions,
  };
  // Absent for one session's price data, so a single session's section reads the same however it was made.
  const single = parts.priceData?.size === 1 && [...parts.priceData.values()][0] === 1;
  if (parts.priceData && parts.priceData.size > 0 && !single) {
    section.priceData = [...parts.priceData.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([version, sessions]) => ({ version, sessions }));
  }
  const legacyOnly = { models: present(parts.legacyOnly?.models, models), engines: present(parts.legacyOnly?.engines, engines) };
  // Absent when empty: sessions recorded by rad keep the section they always had.
  if (legacyOnly.models.length > 0 || legacyOnly.engines.length > 0) section.legacyOnly = legacyOnly;
  return section;
}

/** The row for a key, created on first use. */
export function rowFor(rows: Map<string, UsageRow>, key: string): UsageRow {
  let row = rows.get(key);
  if (!row) rows.set(key, (row = emptyRow()));
  return row;
}
