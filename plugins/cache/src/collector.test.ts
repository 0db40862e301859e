import { describe, expect, it } from 'vitest';
import { foldCache, response } from '../test/fold.js';

const SONNET = 'claude-sonnet-4-5-20250929';

describe('cache collector', () => {
  it('has no hit rate, with the reason, for a session with zero calls', async () => {
    const { section } = await foldCache();
    expect(section.total).toMatchObject({ requests: 0, hitRate: null, hitRateReason: 'no prompt tokens', savingsUsd: 0 });
    expect(section.notMeasuredReason).toBeNull();
  });

  it('computes hit rate as cache read over the whole prompt: input + cache writes + cache read', async () => {
    const { section } = await foldCache(response(SONNET, 'claude', { input: 100, cacheWrite: 200, cacheWrite1h: 300, cacheRead: 400 }));
    expect(section.total.hitRate).toBeCloseTo(400 / 1_000, 12);
  });

  it('reaches 100% when every prompt token came from the cache (zero input)', async () => {
    const { section } = await foldCache(response(SONNET, 'claude', { input: 0, cacheRead: 5_000 }));
    expect(section.total.hitRate).toBe(1);
  });

  it('values cache reads at the input price of the tier each request fell in', async () => {
    const { section } = await foldCache(
      response(SONNET, 'claude', { input: 100_000, cacheRead: 99_999 }), // 199,999 prompt tokens: $3 vs $0.30
      response(SONNET, 'claude', { input: 100_000, cacheRead: 100_001 }), // 200,001: $6 vs $0.60
    );
    expect(section.total.readSavingsNanoUsd).toBe(99_999 * 2_700 + 100_001 * 5_400);
    expect(section.total.writePremiumNanoUsd).toBe(0);
  });

  it('charges the 5 minute and the 1 hour write premium each at its own price, and can come out negative', async () => {
    const { section } = await foldCache(response(SONNET, 'claude', { input: 10, cacheWrite: 1_000, cacheWrite1h: 1_000 }));
    expect(section.total.writePremiumNanoUsd).toBe(1_000 * 750 + 1_000 * 3_000);
    expect(section.total.savingsNanoUsd).toBe(-3_750_000);
    expect(section.total.savingsUsd).toBeCloseTo(-0.00375, 12);
  });

  it("uses the provider's own cached-input price (OpenAI)", async () => {
    const { section } = await foldCache(response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }));
    expect(section.total.savingsNanoUsd).toBe(8_000 * 1_250);
    expect(section.total.hitRate).toBeCloseTo(0.8, 12);
  });

  it('keeps the hit rate but leaves savings unknown for an unpriced model', async () => {
    const { section } = await foldCache(
      response('acme-coder', 'acme', { input: 100, cacheRead: 300 }),
      response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }),
    );
    expect(section.models['acme-coder']).toMatchObject({ hitRate: 0.75, savingsUsd: null, unpricedRequests: 1 });
    expect(section.unpricedModels).toEqual(['acme-coder']);
    expect(section.total.savingsUsd).toBeNull();
    expect(section.total.savingsNanoUsd).toBe(10_000_000);
    expect(section.total.hitRate).toBeCloseTo(8_300 / 10_400, 12);
  });
});
