import { describe, expect, it } from 'vitest';
import { foldCache, response } from '../test/fold.js';
import { cacheFromLegacy } from './legacy.js';
import { mergeCache } from './merge.js';
import { MAX_TOKENS } from '@radium-stats/core';
import { cacheSectionSchema } from './section.js';

describe('merge', () => {
  it('recomputes the hit rate from summed tokens instead of averaging rates', async () => {
    const a = (await foldCache(response('gpt-4o', 'openai', { input: 0, cacheRead: 100 }))).section; // 100%
    const b = (await foldCache(response('gpt-4o', 'openai', { input: 900, cacheRead: 0 }))).section; // 0%
    expect(mergeCache([a, b]).total.hitRate).toBeCloseTo(0.1, 12);
  });

  it('sums savings of 100,000 sessions exactly', async () => {
    const { section } = await foldCache(response('gpt-4o', 'openai', { input: 7, cacheRead: 1_111 }));
    const merged = mergeCache(Array.from({ length: 100_000 }, () => section));
    expect(merged.total.savingsNanoUsd).toBe(Number(section.total.savingsNanoUsd) * 100_000);
    expect(merged.total.cacheReadTokens).toBe(111_100_000);
  });

  it('sums savings past 2^53 nano-dollars exactly, into a section that still reads back', async () => {
    // A billion cache-read tokens of Claude Sonnet 4.5 (long-context tier: $6 input, $0.60 cache read) save $5,400.
    const { section } = await foldCache(response('claude-sonnet-4-5', 'claude', { cacheRead: MAX_TOKENS }));
    expect(section.total.savingsNanoUsd).toBe(5_400_000_000_000);
    const merged = mergeCache(Array.from({ length: 2_000 }, () => section));
    expect(merged.total.readSavingsNanoUsd).toBe('10800000000000000');
    expect(merged.total.savingsNanoUsd).toBe('10800000000000000');
    expect(merged.total.savingsUsd).toBe(10_800_000);
    expect(cacheSectionSchema.safeParse(JSON.parse(JSON.stringify(merged))).data).toEqual(merged);
  });

  it('leaves legacy sessions out of the numbers and counts them, and is not measured when all are legacy', async () => {
    const { section } = await foldCache(response('gpt-4o', 'openai', { input: 10, cacheRead: 10 }));
    const mixed = mergeCache([section, cacheFromLegacy()]);
    expect(mixed).toMatchObject({ legacySessions: 1, notMeasuredReason: null, priceDataVersion: section.priceDataVersion });
    expect(mixed.total.hitRate).toBe(0.5);
    expect(mergeCache([cacheFromLegacy(), cacheFromLegacy()]).notMeasuredReason).toBe('not measured by legacy Radium reports');
  });
});
