import type { FactRows, FactValue } from '@radium-stats/core';
import { FactSums } from '@radium-stats/core';
import { sessionsTable, usageTable } from './fact-tables.js';
import type { TokensSection } from './section.js';
import { usageMeasures } from './usage-facts.js';

/**
 * Fact rows for a session whose report has none (a legacy report, or one written before facts):
 * its model rows with a null engine and its engine rows with a null model, since a section keeps no
 * model-by-engine split, and its sessions row; all in `bucket`.
 */
export function tokensToFacts(section: TokensSection, bucket: number): FactRows {
  const usage = new FactSums(usageTable.measures.map((m) => m.name));
  const version = section.priceDataVersion === '' ? null : section.priceDataVersion;
  const add = (model: string | null, engine: string | null, row: TokensSection['total']): void => {
    const dims: Record<string, FactValue> = { model, engine, price_data_version: version, unpriced_reason: row.unpricedReason };
    usage.add(bucket, dims, usageMeasures(row));
  };
  for (const [model, row] of Object.entries(section.models)) add(model, null, row);
  for (const [engine, row] of Object.entries(section.engines)) add(null, engine, row);
  return {
    [usageTable.name]: usage.rows(),
    [sessionsTable.name]: [{ bucket, price_data_version: version, sessions: 1, legacy_sessions: section.legacySessions }],
  };
}
