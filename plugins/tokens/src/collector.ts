import { factBucket, type ApiErrorEvent, type ApiResponseEvent, type Collector, type FactValue, type PluginContext, type SessionEvent } from '@radium-stats/core';
import { buildSection, rowFor } from './build-section.js';
import { FactSums } from '@radium-stats/core';
import { sessionsTable, usageTable } from './fact-tables.js';
import type { TokensSection, UsageRow } from './section.js';
import { usageMeasures } from './usage-facts.js';
import { addError, addResponse, emptyRow } from './usage-row.js';

/** Makes the collector: prices each response as it arrives, so the long-context tier is chosen per request. */
export async function createTokensCollector(context: PluginContext): Promise<Collector<TokensSection>> {
  const prices = await context.services.prices();
  const models = new Map<string, UsageRow>();
  const engines = new Map<string, UsageRow>();
  const usage = new FactSums(usageTable.measures.map((m) => m.name));
  let startBucket = 0;
  // One event's own row goes to the facts, so the section and the facts are folded by the same code.
  // The price data is known once every model is seen (it names the overrides that priced them): rows get it in `facts`.
  const addFact = (ts: string, model: string, engine: string, one: UsageRow): void => {
    const dims: Record<string, FactValue> = { model, engine, price_data_version: null, unpriced_reason: one.unpricedReason };
    usage.add(factBucket(ts), dims, usageMeasures(one));
  };
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
        const one = emptyRow();
        addResponse(one, e.tokens, e.durationMs, quote);
        addFact(e.ts, e.model, e.engine, one);
      } else if (event.type === 'api.error') {
        const e = event as ApiErrorEvent;
        addError(rowFor(models, e.model));
        addError(rowFor(engines, e.engine));
        const one = emptyRow();
        addError(one);
        addFact(e.ts, e.model, e.engine, one);
      }
    },
    finish: (info) => {
      startBucket = factBucket(info.startTime);
      return buildSection({ priceDataVersion: prices.dataVersion, models, engines, legacySessions: 0 });
    },
    facts: () => {
      const version = prices.dataVersion;
      return {
        [usageTable.name]: usage.rows().map((row) => ({ ...row, price_data_version: version })),
        [sessionsTable.name]: [{ bucket: startBucket, price_data_version: version, sessions: 1, legacy_sessions: 0 }],
      };
    },
  };
}
