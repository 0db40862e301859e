import { describe, expect, it } from 'vitest';
import { foldTokens, response } from '../test/fold.js';

const SONNET = 'claude-sonnet-4-5-20250929';

describe('tokens collector', () => {
  it('gives an empty, fully known section for a session with zero calls', async () => {
    const { section, warnings } = await foldTokens();
    expect(section.models).toEqual({});
    expect(section.total.requests).toBe(0);
    expect(section.total.costUsd).toBe(0);
    expect(section.total.avgLatencyMs).toBeNull();
    expect(section.priceDataVersion).toMatch(/^genai-prices@/);
    expect(warnings).toEqual([]);
  });

  it('prices a response with zero input tokens from its other buckets', async () => {
    const { section } = await foldTokens(response(SONNET, 'claude', { input: 0, cacheRead: 10_000, output: 100 }));
    const row = section.models[SONNET]!;
    expect(row.inputTokens).toBe(0);
    expect(row.costNanoUsd).toBe(10_000 * 300 + 100 * 15_000);
  });

  it('bills each request at the tier its own whole prompt reaches, not at the tier of the summed tokens', async () => {
    const { section } = await foldTokens(
      // 199,999 prompt tokens: base price.
      response(SONNET, 'claude', { input: 100_000, cacheRead: 99_999, output: 1_000 }),
      // 200,001 prompt tokens: every token at the long-context price.
      response(SONNET, 'claude', { input: 100_000, cacheRead: 100_001, output: 1_000 }),
    );
    const under = 100_000 * 3_000 + 99_999 * 300 + 1_000 * 15_000;
    const over = 100_000 * 6_000 + 100_001 * 600 + 1_000 * 22_500;
    expect(section.models[SONNET]!.costNanoUsd).toBe(under + over);
    expect(section.total.costUsd).toBeCloseTo((under + over) / 1e9, 12);
  });

  it('keeps 5 minute and 1 hour cache writes apart, each at its own price', async () => {
    const { section } = await foldTokens(response(SONNET, 'claude', { cacheWrite: 1_000, cacheWrite1h: 2_000 }));
    const row = section.models[SONNET]!;
    expect(row.cacheWriteTokens).toBe(1_000);
    expect(row.cacheWrite1hTokens).toBe(2_000);
    expect(row.costNanoUsd).toBe(1_000 * 3_750 + 2_000 * 6_000);
  });

  it('shows an unpriced model as unpriced, never $0, and warns once naming it', async () => {
    const { section, warnings } = await foldTokens(
      response('acme-coder', 'acme', { input: 500, output: 50 }),
      response('acme-coder', 'acme', { input: 500, output: 50 }),
      response('gpt-4o', 'openai', { input: 1_000_000 }),
    );
    expect(section.models['acme-coder']).toMatchObject({ costUsd: null, costNanoUsd: 0, unpricedRequests: 2 });
    expect(section.models['acme-coder']!.unpricedReason).toMatch(/no price known for acme-coder/);
    expect(section.unpricedModels).toEqual(['acme-coder']);
    expect(section.total.costUsd).toBeNull();
    expect(section.total.costNanoUsd).toBe(2_500_000_000);
    expect(warnings.filter((w) => w.includes('acme-coder'))).toHaveLength(1);
  });

  it('counts errors as requests of their model and engine, and averages latency over answered requests only', async () => {
    const { section } = await foldTokens(
      response('gpt-4o', 'openai', { input: 10 }, { durationMs: 1_000 }),
      response('gpt-4o', 'openai', { input: 10 }, { durationMs: 3_000 }),
      response('gpt-4o', 'openai', { input: 10 }),
      { type: 'api.error', ts: '2025-11-01T10:02:00Z', model: 'gpt-4o', engine: 'openai', durationMs: 60_000, error: 'rate limited' },
    );
    expect(section.models['gpt-4o']).toMatchObject({ requests: 4, errors: 1, latencyCount: 2, avgLatencyMs: 2_000 });
    expect(section.engines.openai).toMatchObject({ requests: 4, errors: 1, avgLatencyMs: 2_000 });
  });

  it('keeps per-engine rows that add up to the same total as the models', async () => {
    const { section } = await foldTokens(
      response(SONNET, 'claude', { input: 100, output: 10 }),
      response('gemini-2.5-pro', 'gemini', { input: 200, output: 20, reasoning: 5 }),
      response('gemini-2.5-flash', 'gemini', { input: 300, output: 30 }),
    );
    expect(Object.keys(section.engines)).toEqual(['claude', 'gemini']);
    expect(section.engines.gemini).toMatchObject({ requests: 2, inputTokens: 500, outputTokens: 50, reasoningTokens: 5 });
    const engineCost = Object.values(section.engines).reduce((n, r) => n + Number(r.costNanoUsd), 0);
    expect(engineCost).toBe(section.total.costNanoUsd);
  });
});
