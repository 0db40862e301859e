import type { ModelPrice } from '../config/schema.js';
import type { CostParts, PriceQuote, PriceRequest, PriceService } from './types.js';

/** Builds the price service from config overrides (temporary: bundled price table pending). */
export async function createPriceService(overrides: Record<string, ModelPrice>, _warn: (m: string) => void): Promise<PriceService> {
  return {
    dataVersion: 'config',
    quote(request: PriceRequest): PriceQuote {
      const price = overrides[`${request.engine}/${request.model}`] ?? overrides[request.model];
      if (!price) return { costUsd: null, parts: null, inputUsdPerToken: null, source: null, unpricedReason: `no price known for ${request.model}` };
      const per = (n: number | undefined, fallback: number) => (n ?? fallback) / 1e6;
      const t = request.tokens;
      const parts: CostParts = {
        input: t.input * per(price.input, 0),
        output: t.output * per(price.output, 0),
        cacheRead: t.cacheRead * per(price.cacheRead, price.input),
        cacheWrite: t.cacheWrite * per(price.cacheWrite, price.input),
        cacheWrite1h: t.cacheWrite1h * per(price.cacheWrite1h, price.input),
      };
      const costUsd = parts.input + parts.output + parts.cacheRead + parts.cacheWrite + parts.cacheWrite1h;
      return { costUsd, parts, inputUsdPerToken: price.input / 1e6, source: 'config' };
    },
  };
}
