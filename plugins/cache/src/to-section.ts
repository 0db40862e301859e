import type { SummedFactRow } from '@radium-stats/core';
import { buildSection, rowFor } from './build-section.js';
import { cacheRowFromSums } from './cache-facts.js';
import { addRow, firstReason } from './cache-row.js';
import { sessionsTable, usageTable } from './fact-tables.js';
import type { CacheRow, CacheSection } from './section.js';

/** Price data versions named by summed rows (a stored version may itself be a comma-separated list). */
function versionsOf(rows: SummedFactRow[]): string[] {
  return rows.flatMap((row) => (typeof row['price_data_version'] === 'string' ? row['price_data_version'].split(', ') : []));
}

/** The merged section of the selected sessions from the sums of their fact rows, exactly as `merge` gives it. */
export function cacheFromFacts(summed: Record<string, SummedFactRow[]>): CacheSection {
  const usage = summed[usageTable.name] ?? [];
  const sessions = summed[sessionsTable.name] ?? [];
  const models = new Map<string, CacheRow>();
  for (const sums of usage) if (typeof sums['model'] === 'string') addRow(rowFor(models, sums['model']), cacheRowFromSums(sums));
  const measured = sessions.filter((row) => row['not_measured_reason'] === null);
  const versions = [...new Set([...versionsOf(measured), ...versionsOf(usage)].filter(Boolean))].sort();
  const unmeasured = (reason: string | null, row: SummedFactRow) => firstReason(reason, typeof row['not_measured_reason'] === 'string' ? row['not_measured_reason'] : null);
  return buildSection({
    priceDataVersion: versions.join(', '),
    models,
    legacySessions: sessions.reduce((n, row) => n + Number(row['legacy_sessions'] ?? 0), 0),
    // As in merge: "not measured" only when no selected session measured the cache.
    notMeasuredReason: measured.length === 0 && usage.length === 0 ? sessions.reduce(unmeasured, null) : null,
  });
}
