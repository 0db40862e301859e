import type { LegacyMetrics, LegacyUsage } from '@radium-stats/core';
import { buildSection } from './build-section.js';
import type { TokensSection, UsageRow } from './section.js';
import { addNanoUsd, nanoToUsd, subtractNanoUsd, toNanoUsd, type NanoUsd } from '@radium-stats/core';
import { emptyRow } from './usage-row.js';

/** Price data version stored for costs the original Radium computed with its own table. */
export const LEGACY_PRICE_DATA = 'radium-legacy';

/** Key for legacy cost that no model row accounts for. */
export const UNATTRIBUTED = '(unattributed)';

function legacyRow(usage: LegacyUsage): UsageRow {
  return {
    ...emptyRow(),
    requests: usage.requests,
    inputTokens: usage.input_tokens,
    outputTokens: usage.output_tokens,
    cacheReadTokens: usage.cached_tokens,
    costNanoUsd: toNanoUsd(usage.estimated_cost),
  };
}

function rows(usage: Record<string, LegacyUsage>): Map<string, UsageRow> {
  return new Map(Object.entries(usage).map(([key, u]) => [key, legacyRow(u)]));
}

/** A legacy report's usage, with its own stored costs kept as they were. */
export function tokensFromLegacy(legacy: LegacyMetrics): TokensSection {
  const models = rows(legacy.model_usage);
  const engines = rows(legacy.engine_usage);
  const modelCost = [...models.values()].reduce<NanoUsd>((n, r) => addNanoUsd(n, r.costNanoUsd), 0);
  const missing = subtractNanoUsd(toNanoUsd(legacy.total_cost), modelCost);
  // A total the model rows do not explain is kept as its own row rather than dropped.
  if (nanoToUsd(missing) > 0 && models.size === 0) models.set(UNATTRIBUTED, { ...emptyRow(), costNanoUsd: missing });
  return buildSection({ priceDataVersion: LEGACY_PRICE_DATA, models, engines, legacySessions: 1, legacyOnly: { models: models.keys(), engines: engines.keys() } });
}
