import { describe, expect, it } from 'vitest';
import { foldTokens, response } from '../test/fold.js';
import { mergeTokens } from './merge.js';
import { nanoToUsd } from '@radium-stats/core';

describe('merge', () => {
  it('sums 100,000 sessions exactly: integer tokens and integer nano-dollars', async () => {
    // gpt-4o at $2.50 input / $10 output per million: 1,234 in + 56 out = $0.003645 a session.
    const { section } = await foldTokens(response('gpt-4o', 'openai', { input: 1_234, output: 56 }, { durationMs: 700 }));
    const merged = mergeTokens(Array.from({ length: 100_000 }, () => section));
    expect(merged.total.requests).toBe(100_000);
    expect(merged.total.inputTokens).toBe(123_400_000);
    expect(merged.models['gpt-4o']!.costNanoUsd).toBe(3_645_000 * 100_000);
    expect(nanoToUsd(merged.total.costNanoUsd).toFixed(4)).toBe('364.5000');
    expect(merged.total.avgLatencyMs).toBe(700);
  });

  it('keeps a model unpriced after merging, with the priced rest still summed', async () => {
    const priced = (await foldTokens(response('gpt-4o', 'openai', { input: 1_000_000 }))).section;
    const unpriced = (await foldTokens(response('acme-coder', 'acme', { input: 10 }))).section;
    const merged = mergeTokens([priced, unpriced]);
    expect(merged.unpricedModels).toEqual(['acme-coder']);
    expect(merged.total.costUsd).toBeNull();
    expect(merged.total.costNanoUsd).toBe(2_500_000_000);
    expect(merged.models['gpt-4o']!.costUsd).toBe(2.5);
  });

  it('lists every price data version the merged costs came from', async () => {
    const { section } = await foldTokens(response('gpt-4o', 'openai', { input: 1 }));
    const merged = mergeTokens([section, { ...section, priceDataVersion: 'radium-legacy' }]);
    expect(merged.priceDataVersion).toBe(`${section.priceDataVersion}, radium-legacy`);
  });

  it('merges nothing into an empty section', () => {
    const merged = mergeTokens([]);
    expect(merged.total.requests).toBe(0);
    expect(merged.models).toEqual({});
  });
});
