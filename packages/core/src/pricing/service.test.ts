import { describe, expect, it } from 'vitest';
import type { TokenCounts } from '../events/schema.js';
import { createPriceService } from './service.js';
import type { PriceRequest } from './types.js';

const AT = '2025-11-01T12:00:00.000Z';

function tokens(partial: Partial<TokenCounts>): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, ...partial };
}

function request(model: string, engine: string, partial: Partial<TokenCounts>, at = AT): PriceRequest {
  return { model, engine, tokens: tokens(partial), at };
}

const usd = (tokenCount: number, perMillion: number) => (tokenCount * perMillion) / 1e6;

describe('price service: bundled table', () => {
  it('bills a Claude Sonnet 4.5 request just under 200k prompt tokens at the base price', async () => {
    const prices = await createPriceService({}, () => {});
    // 100,000 uncached + 99,999 cache read = 199,999 prompt tokens.
    const quote = prices.quote(request('claude-sonnet-4-5-20250929', 'claude', { input: 100_000, cacheRead: 99_999, output: 1_000 }));
    expect(quote.source).toBe('genai-prices:anthropic/claude-sonnet-4-5');
    expect(quote.costUsd).toBeCloseTo(usd(100_000, 3) + usd(99_999, 0.3) + usd(1_000, 15), 12);
    expect(quote.inputUsdPerToken).toBeCloseTo(3e-6, 15);
  });

  it('bills every token of a request just over 200k prompt tokens at the long-context price', async () => {
    const prices = await createPriceService({}, () => {});
    // 100,000 uncached + 100,001 cache read = 200,001 prompt tokens: input, cache and output all move tier.
    const quote = prices.quote(request('claude-sonnet-4-5-20250929', 'claude', { input: 100_000, cacheRead: 100_001, output: 1_000 }));
    expect(quote.parts?.input).toBeCloseTo(usd(100_000, 6), 12);
    expect(quote.parts?.cacheRead).toBeCloseTo(usd(100_001, 0.6), 12);
    expect(quote.parts?.output).toBeCloseTo(usd(1_000, 22.5), 12);
    expect(quote.costUsd).toBeCloseTo(usd(100_000, 6) + usd(100_001, 0.6) + usd(1_000, 22.5), 12);
    expect(quote.inputUsdPerToken).toBeCloseTo(6e-6, 15);
  });

  it('starts the long-context tier strictly above 200k: exactly 200,000 prompt tokens is base price, 200,001 is the tier', async () => {
    const prices = await createPriceService({}, () => {});
    const at = (input: number) => prices.quote(request('claude-sonnet-4-5', 'claude', { input, output: 1_000 }));
    expect(at(200_000).parts?.input).toBeCloseTo(usd(200_000, 3), 12);
    expect(at(200_000).parts?.output).toBeCloseTo(usd(1_000, 15), 12);
    expect(at(200_000).inputUsdPerToken).toBeCloseTo(3e-6, 15);
    expect(at(200_001).parts?.input).toBeCloseTo(usd(200_001, 6), 12);
    expect(at(200_001).parts?.output).toBeCloseTo(usd(1_000, 22.5), 12);
  });

  it('counts cache writes toward the prompt that picks the tier', async () => {
    const prices = await createPriceService({}, () => {});
    const quote = prices.quote(request('claude-sonnet-4-5', 'anthropic', { input: 10, cacheWrite: 150_000, cacheWrite1h: 50_000 }));
    expect(quote.parts?.cacheWrite).toBeCloseTo(usd(150_000, 7.5), 12);
    expect(quote.parts?.cacheWrite1h).toBeCloseTo(usd(50_000, 12), 12);
  });

  it('prices 1 hour cache writes apart from 5 minute ones', async () => {
    const prices = await createPriceService({}, () => {});
    const fiveMinute = prices.quote(request('claude-sonnet-4-5', 'claude', { cacheWrite: 10_000 }));
    const oneHour = prices.quote(request('claude-sonnet-4-5', 'claude', { cacheWrite1h: 10_000 }));
    expect(fiveMinute.costUsd).toBeCloseTo(usd(10_000, 3.75), 12);
    expect(oneHour.costUsd).toBeCloseTo(usd(10_000, 6), 12);
    expect(oneHour.parts?.cacheWrite1h).toBeCloseTo(usd(10_000, 6), 12);
    expect(oneHour.parts?.cacheWrite).toBe(0);
  });

  it('prices OpenAI cached input at its own price, with uncached input counted once', async () => {
    const prices = await createPriceService({}, () => {});
    const quote = prices.quote(request('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000, output: 500 }));
    expect(quote.parts?.input).toBeCloseTo(usd(2_000, 2.5), 12);
    expect(quote.parts?.cacheRead).toBeCloseTo(usd(8_000, 1.25), 12);
    expect(quote.costUsd).toBeCloseTo(usd(2_000, 2.5) + usd(8_000, 1.25) + usd(500, 10), 12);
  });

  it('applies dated price changes by the request time', async () => {
    const prices = await createPriceService({}, () => {});
    const before = prices.quote(request('o3', 'openai', { input: 1_000_000 }, '2025-05-01T00:00:00Z'));
    const after = prices.quote(request('o3', 'openai', { input: 1_000_000 }, '2025-07-01T00:00:00Z'));
    expect(before.costUsd).toBeCloseTo(10, 9);
    expect(after.costUsd).toBeCloseTo(2, 9);
  });

  it('maps engines to providers and falls back to the model name for unknown engines', async () => {
    const prices = await createPriceService({}, () => {});
    expect(prices.quote(request('gemini-2.5-pro', 'gemini', { input: 1 })).source).toBe('genai-prices:google/gemini-2.5-pro');
    expect(prices.quote(request('gpt-4o', 'some-proxy', { input: 1 })).source).toBe('genai-prices:openai/gpt-4o');
  });

  it('leaves local engines unpriced rather than charging a cloud price', async () => {
    const prices = await createPriceService({}, () => {});
    const quote = prices.quote(request('deepseek-r1:7b', 'ollama', { input: 1_000, output: 100 }));
    expect(quote.costUsd).toBeNull();
    expect(quote.unpricedReason).toMatch(/runs locally/);
  });

  it('returns an unpriced quote, never 0, for an unknown model', async () => {
    const prices = await createPriceService({}, () => {});
    const quote = prices.quote(request('acme-coder-9000', 'acme', { input: 1_000, output: 100 }));
    expect(quote).toMatchObject({ costUsd: null, parts: null, inputUsdPerToken: null, source: null });
    expect(quote.unpricedReason).toMatch(/no price known for acme-coder-9000/);
  });

  it('names the price data it uses', async () => {
    const prices = await createPriceService({}, () => {});
    expect(prices.dataVersion).toMatch(/^genai-prices@\d+\.\d+\.\d+/);
  });
});

describe('price service: config overrides', () => {
  const overrides = {
    'acme-coder': { input: 1, output: 2, cacheRead: 0.1 },
    'claude-sonnet-4-5': { input: 2, output: 10 },
    'openai/gpt-4o': { input: 0.5, output: 1 },
    'gpt-4o': { input: 100, output: 100 },
  };

  it('prices a private model from config, with absent cache prices at the input price', async () => {
    const prices = await createPriceService(overrides, () => {});
    const quote = prices.quote(request('acme-coder', 'acme', { input: 1_000_000, output: 1_000_000, cacheRead: 1_000_000, cacheWrite1h: 1_000_000 }));
    expect(quote.source).toBe('config:acme-coder');
    expect(quote.costUsd).toBeCloseTo(1 + 2 + 0.1 + 1, 9);
  });

  it('wins over the table, with no long-context tier of its own', async () => {
    const prices = await createPriceService(overrides, () => {});
    const quote = prices.quote(request('claude-sonnet-4-5', 'claude', { input: 300_000 }));
    expect(quote.costUsd).toBeCloseTo(0.6, 9);
  });

  it('prefers an `engine/model` key over a plain model key', async () => {
    const prices = await createPriceService(overrides, () => {});
    expect(prices.quote(request('gpt-4o', 'openai', { input: 1_000_000 })).costUsd).toBeCloseTo(0.5, 9);
    expect(prices.quote(request('gpt-4o', 'azure', { input: 1_000_000 })).costUsd).toBeCloseTo(100, 9);
  });

  it('changes the data version, so reports show their numbers came from config too', async () => {
    const plain = await createPriceService({}, () => {});
    const custom = await createPriceService(overrides, () => {});
    expect(custom.dataVersion).toMatch(new RegExp(`^${plain.dataVersion.replace(/[.+]/g, '\\$&')}\\+overrides\\.[0-9a-f]{8}$`));
  });
});
