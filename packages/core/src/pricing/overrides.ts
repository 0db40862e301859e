import type { ModelPrice } from '../config/schema.js';
import type { RateCard } from './rates.js';

/** A configured price found for a request, with the config key that matched. */
export interface OverrideMatch {
  key: string;
  rates: RateCard;
}

/** Rates of a configured price; absent cache prices fall back to the input price, as the config schema documents. */
export function overrideRates(price: ModelPrice): RateCard {
  return {
    input: price.input,
    output: price.output,
    cacheRead: price.cacheRead ?? price.input,
    cacheWrite: price.cacheWrite ?? price.input,
    cacheWrite1h: price.cacheWrite1h ?? price.input,
  };
}

/** Finds the configured price for a model: `engine/model` first, then `model`; exact keys before case-insensitive ones. */
export function findOverride(overrides: Record<string, ModelPrice>, engine: string, model: string): OverrideMatch | undefined {
  const wanted = [`${engine}/${model}`, model];
  for (const key of wanted) {
    const price = overrides[key];
    if (price) return { key, rates: overrideRates(price) };
  }
  const lower = new Map(Object.entries(overrides).map(([key, price]) => [key.toLowerCase(), { key, price }]));
  for (const key of wanted) {
    const hit = lower.get(key.toLowerCase());
    if (hit) return { key: hit.key, rates: overrideRates(hit.price) };
  }
  return undefined;
}
