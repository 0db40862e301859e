import type { calcPrice as CalcPrice, ModelPrice as TableModelPrice, PriceCalculation } from '@pydantic/genai-prices';
import type { TokenCounts } from '../events/schema.js';
import { lookupEngine } from './engines.js';
import { promptTokens, type RateCard } from './rates.js';

/** The genai-prices function this module needs, injected so the table loads only when something is priced. */
export type CalcPriceFn = typeof CalcPrice;

/** What the table knows about one request: the provider and model it matched and the rates that apply. */
export type TableLookup =
  | { found: true; source: string; rates: RateCard; calculation: PriceCalculation }
  | {
      found: false;
      reason: string;
      /** True when the table threw, which points at bad usage data rather than a missing price. */
      failed?: boolean;
    };

/** A tiered price as the bundled data holds it. */
interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}

function isTiered(value: unknown): value is Tiered {
  return typeof value === 'object' && value !== null && 'base' in value && Array.isArray((value as Tiered).tiers);
}

/** Price of one key at the request's tier: the last tier whose start the whole prompt exceeds, as genai-prices bills. */
function rateAt(price: TableModelPrice, key: string, prompt: number): number | undefined {
  const value = price[key];
  if (typeof value === 'number') return value;
  if (!isTiered(value)) return undefined;
  let rate = value.base;
  for (const tier of [...value.tiers].sort((a, b) => a.start - b.start)) if (prompt > tier.start) rate = tier.price;
  return rate;
}

/** The table's usage for one request: its `input_tokens` is the whole prompt, cache tokens included. */
export function tableUsage(tokens: TokenCounts): Record<string, number> {
  return {
    input_tokens: promptTokens(tokens),
    cache_read_tokens: tokens.cacheRead,
    cache_write_tokens: tokens.cacheWrite + tokens.cacheWrite1h,
    cache_write_5m_tokens: tokens.cacheWrite,
    cache_write_1h_tokens: tokens.cacheWrite1h,
    output_tokens: tokens.output,
    output_reasoning_tokens: Math.min(tokens.reasoning, tokens.output),
  };
}

/** Rates for one request from the table's price entry; a bucket with tokens but no price makes the request unpriced. */
export function ratesFromTable(price: TableModelPrice, tokens: TokenCounts): RateCard | string {
  const prompt = promptTokens(tokens);
  const at = (key: string) => rateAt(price, key, prompt);
  const input = at('input_mtok');
  const output = at('output_mtok');
  if (input === undefined) return 'the price table has no per-token input price for it';
  if (output === undefined && tokens.output > 0) return 'the price table has no per-token output price for it';
  const cacheWrite = at('cache_write_mtok') ?? input;
  const rates: RateCard = {
    input,
    output: output ?? 0,
    cacheRead: at('cache_read_mtok') ?? input,
    cacheWrite: at('cache_write_5m_mtok') ?? cacheWrite,
    cacheWrite1h: at('cache_write_1h_mtok') ?? cacheWrite,
  };
  const reasoning = at('output_reasoning_mtok');
  if (reasoning !== undefined) rates.reasoning = reasoning;
  const perThousandRequests = at('requests_kcount');
  if (perThousandRequests) rates.perRequestUsd = perThousandRequests / 1000;
  return rates;
}

/** Finds the price entry for a request: by its engine's provider first, then by model name alone. */
function findCalculation(calcPrice: CalcPriceFn, model: string, engine: string, timestamp: Date, usage: Record<string, number>): PriceCalculation | null | 'local' {
  const lookup = lookupEngine(engine);
  if (lookup.kind === 'local') return 'local';
  const providerId = lookup.kind === 'provider' ? lookup.providerId : lookup.engine;
  return calcPrice(usage, model, { providerId, timestamp }) ?? calcPrice(usage, model, { timestamp });
}

/** Looks one request up in the bundled table, applying dated price changes by `at` and the long-context tier. */
export type TableLookupFn = (model: string, engine: string, tokens: TokenCounts, at: string) => TableLookup;

/**
 * Makes the table lookup. Matching a model name against the table costs tens of microseconds, which
 * dominates folding a large import, so a match whose price does not vary with time (no dated or
 * time-of-day conditions) is remembered per engine and model; the rest are looked up every time.
 */
export function createTableLookup(calcPrice: CalcPriceFn): TableLookupFn {
  const timeless = new Map<string, PriceCalculation | 'local' | null>();
  return (model, engine, tokens, at) => {
    const timestamp = new Date(at);
    if (Number.isNaN(timestamp.getTime())) return { found: false, reason: `the request time ${JSON.stringify(at)} is not a valid date` };
    const key = `${engine}\u0000${model}`;
    let calculation = timeless.get(key);
    if (calculation === undefined) {
      try {
        calculation = findCalculation(calcPrice, model, engine, timestamp, tableUsage(tokens));
      } catch (error) {
        return { found: false, reason: `the price table rejected its usage (${(error as Error).message})`, failed: true };
      }
      if (calculation === 'local' || calculation === null || !Array.isArray(calculation.model.prices)) timeless.set(key, calculation);
    }
    return fromCalculation(calculation, model, engine, tokens);
  };
}

function fromCalculation(calculation: PriceCalculation | null | 'local', model: string, engine: string, tokens: TokenCounts): TableLookup {
  if (calculation === 'local') return { found: false, reason: `engine ${engine} runs locally and has no list price; set one in prices.overrides (0 if free)` };
  if (!calculation) return { found: false, reason: `no price known for ${model} (engine ${engine}); set one in prices.overrides` };
  const rates = ratesFromTable(calculation.model_price, tokens);
  if (typeof rates === 'string') return { found: false, reason: `${model}: ${rates}; set one in prices.overrides` };
  return { found: true, source: `genai-prices:${calculation.provider.id}/${calculation.model.id}`, rates, calculation };
}
