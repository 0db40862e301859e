import type { FactRows } from '@radium-stats/core';
import { cacheMeasures } from './cache-facts.js';
import { FactSums } from '@radium-stats/core';
import { sessionsTable, usageTable } from './fact-tables.js';
import type { CacheSection } from './section.js';

/** Fact rows for a session whose report has none (a legacy report, or one written before facts): its model rows and its sessions row, all in `bucket`. */
export function cacheToFacts(section: CacheSection, bucket: number): FactRows {
  const usage = new FactSums(usageTable.measures.map((m) => m.name));
  const version = section.priceDataVersion === '' ? null : section.priceDataVersion;
  for (const [model, row] of Object.entries(section.models)) {
    usage.add(bucket, { model, price_data_version: version, unpriced_reason: row.unpricedReason }, cacheMeasures(row));
  }
  return {
    [usageTable.name]: usage.rows(),
    [sessionsTable.name]: [{ bucket, price_data_version: version, not_measured_reason: section.notMeasuredReason, sessions: 1, legacy_sessions: section.legacySessions }],
  };
}
