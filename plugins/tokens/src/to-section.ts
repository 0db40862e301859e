import type { SummedFactRow } from '@radium-stats/core';
import { buildSection, countPriceData, rowFor } from './build-section.js';
import { sessionsTable, usageTable } from './fact-tables.js';
import { LEGACY_PRICE_DATA } from './legacy.js';
import type { TokensSection, UsageRow } from './section.js';
import { usageRowFromSums } from './usage-facts.js';
import { addRow } from './usage-row.js';

/** Price data versions named by summed rows (a stored version may itself be a comma-separated list). */
function versionsOf(rows: SummedFactRow[]): string[] {
  return rows.flatMap((row) => (typeof row['price_data_version'] === 'string' ? row['price_data_version'].split(', ') : []));
}

/** The merged section of the selected sessions from the sums of their fact rows, exactly as `merge` gives it. */
export function tokensFromFacts(summed: Record<string, SummedFactRow[]>): TokensSection {
  const usage = summed[usageTable.name] ?? [];
  const sessions = summed[sessionsTable.name] ?? [];
  const models = new Map<string, UsageRow>();
  const engines = new Map<string, UsageRow>();
  // Rows of legacy reports carry their price data, so a model or engine seen on no other row is legacy-only.
  const measured = { models: new Set<string>(), engines: new Set<string>() };
  for (const sums of usage) {
    const row = usageRowFromSums(sums);
    const legacy = sums['price_data_version'] === LEGACY_PRICE_DATA;
    const model = sums['model'];
    const engine = sums['engine'];
    if (typeof model === 'string') {
      addRow(rowFor(models, model), row);
      if (!legacy) measured.models.add(model);
    }
    if (typeof engine === 'string') {
      addRow(rowFor(engines, engine), row);
      if (!legacy) measured.engines.add(engine);
    }
  }
  const versions = [...new Set([...versionsOf(sessions), ...versionsOf(usage)].filter(Boolean))].sort();
  const priceData = new Map<string, number>();
  for (const row of sessions) if (typeof row['price_data_version'] === 'string') countPriceData(priceData, row['price_data_version'], Number(row['sessions'] ?? 0));
  return buildSection({
    priceDataVersion: versions.join(', '),
    priceData,
    models,
    engines,
    legacySessions: sessions.reduce((n, row) => n + Number(row['legacy_sessions'] ?? 0), 0),
    legacyOnly: {
      models: [...models.keys()].filter((key) => !measured.models.has(key)),
      engines: [...engines.keys()].filter((key) => !measured.engines.has(key)),
    },
  });
}
