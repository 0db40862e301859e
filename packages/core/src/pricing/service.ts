import type { ModelPrice } from '../config/schema.js';
import { SessionPriceData } from './data-version.js';
import { findOverride } from './overrides.js';
import { quoteFromRates, unpricedQuote } from './rates.js';
import { createTableLookup } from './table.js';
import type { PriceQuote, PriceRequest, PriceService } from './types.js';

/**
 * Builds the price service: config overrides (USD per million tokens) win, then the bundled genai-prices table.
 * The table is imported here, not at the top, so commands that never price never load it; it never fetches.
 */
export async function createPriceService(overrides: Record<string, ModelPrice>, warn: (message: string) => void): Promise<PriceService> {
  const { calcPrice } = await import('@pydantic/genai-prices');
  const lookupTable = createTableLookup(calcPrice);
  const versions = new SessionPriceData(overrides);
  return {
    dataVersion: versions.workspaceVersion,
    dataVersionFor: (models) => versions.versionFor(models),
    quote(request: PriceRequest): PriceQuote {
      const override = findOverride(overrides, request.engine, request.model);
      if (override) return quoteFromRates(request.tokens, override.rates, `config:${override.key}`);
      const found = lookupTable(request.model, request.engine, request.tokens, request.at);
      if (found.found) return quoteFromRates(request.tokens, found.rates, found.source);
      if (found.failed) warn(`Pricing ${request.model}: ${found.reason}.`);
      return unpricedQuote(found.reason);
    },
  };
}
