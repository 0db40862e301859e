import { calcPrice, waitForUpdate } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import type { TokenCounts } from '../events/schema.js';
import { quoteFromRates } from './rates.js';
import { ratesFromTable, tableUsage } from './table.js';

const small: TokenCounts = { input: 1_200, output: 800, cacheRead: 30_000, cacheWrite: 2_000, cacheWrite1h: 500, reasoning: 300 };
const large: TokenCounts = { input: 150_000, output: 4_000, cacheRead: 120_000, cacheWrite: 9_000, cacheWrite1h: 1_000, reasoning: 1_000 };

describe('rates taken from the table', () => {
  it('give the same total as genai-prices itself for every priced model, below and above long-context tiers', async () => {
    const providers = (await waitForUpdate()) ?? [];
    let compared = 0;
    for (const provider of providers) {
      for (const model of provider.models) {
        for (const tokens of [small, large]) {
          const calculation = calcPrice(tableUsage(tokens), model.id, { provider, timestamp: new Date('2025-11-01T00:00:00Z') });
          if (!calculation) continue;
          const rates = ratesFromTable(calculation.model_price, tokens);
          if (typeof rates === 'string') continue;
          const ours = quoteFromRates(tokens, rates, 'test').costUsd ?? Number.NaN;
          expect(ours, `${provider.id}/${model.id}`).toBeCloseTo(calculation.total_price, 9);
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('make a request unpriced when a bucket with tokens has no price', () => {
    expect(ratesFromTable({ output_mtok: 1 }, small)).toMatch(/no per-token input price/);
    expect(ratesFromTable({ input_mtok: 1 }, small)).toMatch(/no per-token output price/);
    expect(ratesFromTable({ input_mtok: 1 }, { ...small, output: 0, reasoning: 0 })).toMatchObject({ input: 1, output: 0 });
  });
});
