import type { ApiResponseEvent, Collector, PluginContext, SessionEvent } from '@radium-stats/core';
import { buildSection, rowFor } from './build-section.js';
import { addResponse } from './cache-row.js';
import type { CacheRow, CacheSection } from './section.js';

/** Makes the collector: prices each response itself through the shared price service, at that request's tier. */
export async function createCacheCollector(context: PluginContext): Promise<Collector<CacheSection>> {
  const prices = await context.services.prices();
  const models = new Map<string, CacheRow>();
  return {
    add(event: SessionEvent): void {
      if (event.type !== 'api.response') return;
      const e = event as ApiResponseEvent;
      const quote = prices.quote({ model: e.model, engine: e.engine, tokens: e.tokens, at: e.ts });
      addResponse(rowFor(models, e.model), e.tokens, quote);
    },
    finish: () => buildSection({ priceDataVersion: prices.dataVersion, models, legacySessions: 0, notMeasuredReason: null }),
  };
}
