import { factBucket, type ApiResponseEvent, type Collector, type PluginContext, type SessionEvent } from '@radium-stats/core';
import { buildSection, rowFor } from './build-section.js';
import { cacheMeasures } from './cache-facts.js';
import { addResponse, emptyRow } from './cache-row.js';
import { FactSums } from '@radium-stats/core';
import { sessionsTable, usageTable } from './fact-tables.js';
import type { CacheRow, CacheSection } from './section.js';

/** Makes the collector: prices each response itself through the shared price service, at that request's tier. */
export async function createCacheCollector(context: PluginContext): Promise<Collector<CacheSection>> {
  const prices = await context.services.prices();
  const models = new Map<string, CacheRow>();
  const usage = new FactSums(usageTable.measures.map((m) => m.name));
  let startBucket = 0;
  return {
    add(event: SessionEvent): void {
      if (event.type !== 'api.response') return;
      const e = event as ApiResponseEvent;
      const quote = prices.quote({ model: e.model, engine: e.engine, tokens: e.tokens, at: e.ts });
      addResponse(rowFor(models, e.model), e.tokens, quote);
      // The response's own row goes to the facts, so the section and the facts are folded by the same code; the
      // price data is known once every model is seen (it names the overrides that priced them): rows get it in `facts`.
      const one = emptyRow();
      addResponse(one, e.tokens, quote);
      usage.add(factBucket(e.ts), { model: e.model, price_data_version: null, unpriced_reason: one.unpricedReason }, cacheMeasures(one));
    },
    finish: (info) => {
      startBucket = factBucket(info.startTime);
      return buildSection({ priceDataVersion: prices.dataVersion, models, legacySessions: 0, notMeasuredReason: null });
    },
    facts: () => {
      const version = prices.dataVersion;
      return {
        [usageTable.name]: usage.rows().map((row) => ({ ...row, price_data_version: version })),
        [sessionsTable.name]: [{ bucket: startBucket, price_data_version: version, not_measured_reason: null, sessions: 1, legacy_sessions: 0 }],
      };
    },
  };
}
