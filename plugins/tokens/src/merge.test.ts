import { describe, expect, it } from 'vitest';
import { foldTokens, response } from '../test/fold.js';
import { mergeTokens } from './merge.js';
import { MAX_TOKENS, nanoToUsd } from '@radium-stats/core';
import { formatTotalCost } from './format.js';
import { tokensSectionSchema } from './section.js';

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

  it('sums 1,000 sessions at the token ceiling exactly, past 2^53 nano-dollars, into a section that still reads back', async () => {
    // o1-pro: $150 input and $600 output per million, so a billion of each is $750,000; twenty such responses pass 2^53 nano-dollars.
    const big = response('o1-pro', 'openai', { input: MAX_TOKENS, output: MAX_TOKENS });
    const { section, warnings } = await foldTokens(...Array.from({ length: 20 }, () => big));
    expect(warnings).toEqual([]);
    expect(section.total.costNanoUsd).toBe('15000000000000000');
    const merged = mergeTokens(Array.from({ length: 1_000 }, () => section));
    expect(merged.total.requests).toBe(20_000);
    expect(merged.total.inputTokens).toBe(20_000 * MAX_TOKENS);
    expect(merged.total.outputTokens).toBe(20_000 * MAX_TOKENS);
    expect(merged.total.costNanoUsd).toBe('15000000000000000000');
    expect(merged.models['o1-pro']!.costNanoUsd).toBe('15000000000000000000');
    expect(merged.engines.openai!.costNanoUsd).toBe('15000000000000000000');
    expect(formatTotalCost(merged.total, merged.unpricedModels)).toBe('$15,000,000,000.0000');
    // Merging the merge with one small session moves the last digits, which a JSON number would have lost.
    const small = (await foldTokens(response('gpt-4o', 'openai', { input: 1 }))).section;
    expect(mergeTokens([merged, small]).total.costNanoUsd).toBe('15000000000000002500');
    const readBack = tokensSectionSchema.safeParse(JSON.parse(JSON.stringify(merged)));
    expect(readBack.success).toBe(true);
    expect(readBack.data).toEqual(merged);
  });

  it('refuses to merge token counts past 2^53 - 1, where they would stop being exact, rather than write wrong totals', async () => {
    const { section } = await foldTokens(response('gpt-4o', 'openai', { input: 1 }));
    const huge = structuredClone(section);
    for (const row of [huge.models['gpt-4o']!, huge.engines.openai!, huge.total]) row.inputTokens = 5e15;
    expect(() => mergeTokens([huge, huge])).toThrow(/^inputTokens total 10000000000000000 is past 2\^53 - 1/);
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
