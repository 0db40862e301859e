import type { ApiErrorEvent, ApiResponseEvent, Collector, PluginContext, SessionEvent } from '@radium-stats/core';
import { buildSection, rowFor } from './build-section.js';
import type { TokensSection, UsageRow } from './section.js';
import { addError, addResponse } from './usage-row.js';

/** Makes the collector: prices each response as it arrives, so the long-context tier is chosen per request. */
export async function createTokensCollector(context: PluginContext): Promise<Collector<TokensSection>> {
  const prices = await context.services.prices();
  const models = new Map<string, UsageRow>();
  const engines = new Map<string, UsageRow>();
  return {
    add(event: SessionEvent): void {
      if (event.type === 'api.response') {
        const e = event as ApiResponseEvent;
        const quote = prices.quote({ model: e.model, engine: e.engine, tokens: e.tokens, at: e.ts });
        if (quote.costUsd === null) {
          context.services.warn(`Model ${e.model} (engine ${e.engine}) is unpriced: ${quote.unpricedReason ?? 'no price known'}. Its cost is shown as unpriced, not $0.`);
        }
        addResponse(rowFor(models, e.model), e.tokens, e.durationMs, quote);
        addResponse(rowFor(engines, e.engine), e.tokens, e.durationMs, quote);
      } else if (event.type === 'api.error') {
        const e = event as ApiErrorEvent;
        addError(rowFor(models, e.model));
        addError(rowFor(engines, e.engine));
      }
    },
    finish: () => buildSection({ priceDataVersion: prices.dataVersion, models, engines, legacySessions: 0 }),
  };
}
