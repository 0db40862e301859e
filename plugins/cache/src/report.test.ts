import type { FieldBlock } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { foldCache, response } from '../test/fold.js';
import { compareCache } from './compare.js';
import { cacheFromLegacy } from './legacy.js';
import { cacheSessionBlocks } from './session-view.js';

const values = (block: FieldBlock) => Object.fromEntries(block.rows.map((r) => [r.label, r.value]));

describe('session view', () => {
  it('shows hit rate, cache read, both kinds of cache write and savings in a Cache block', async () => {
    const { section } = await foldCache(response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }));
    const [block] = cacheSessionBlocks(section) as FieldBlock[];
    expect(block).toMatchObject({ kind: 'fields', title: 'Cache', order: 45 });
    expect(values(block!)).toEqual({ 'Hit Rate': '80.0%', 'Cache Read': '8,000', 'Cache Write (5m / 1h)': '0 / 0', Savings: '$0.0100' });
  });

  it('prints a loss as a loss, saying why', async () => {
    const { section } = await foldCache(response('claude-sonnet-4-5', 'claude', { input: 10, cacheWrite1h: 10_000 }));
    expect(values(cacheSessionBlocks(section)[0] as FieldBlock).Savings).toBe('-$0.0300 (cache writes cost more than reads saved)');
  });

  it('gives per-model hit rates when there are several models', async () => {
    const { section } = await foldCache(
      response('gpt-4o', 'openai', { input: 500, cacheRead: 500 }),
      response('gpt-4.1', 'openai', { input: 100 }),
    );
    const rows = (cacheSessionBlocks(section)[0] as FieldBlock).rows.filter((r) => r.indent === 1);
    expect(rows.map((r) => [r.label, r.value])).toEqual([['gpt-4.1', '0.0%'], ['gpt-4o', '50.0%']]);
  });

  it('says n/a with the reason instead of 0 when nothing is known', async () => {
    const { section } = await foldCache();
    expect(values(cacheSessionBlocks(section)[0] as FieldBlock)['Hit Rate']).toBe('n/a (no prompt tokens)');
    const legacy = values(cacheSessionBlocks(cacheFromLegacy())[0] as FieldBlock);
    expect(legacy.Savings).toBe('n/a (not measured by legacy Radium reports)');
    const unpriced = (await foldCache(response('acme-coder', 'acme', { input: 1, cacheRead: 1 }))).section;
    expect(values(cacheSessionBlocks(unpriced)[0] as FieldBlock).Savings).toBe('n/a (unpriced: acme-coder)');
  });
});

describe('compare', () => {
  it('compares hit rate as a ratio and savings in USD, unknown when not measured', async () => {
    const { section } = await foldCache(response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }));
    const [rate, savings] = compareCache(section, cacheFromLegacy());
    expect(rate).toMatchObject({ section: 'Cache', label: 'Hit Rate', unit: 'ratio', a: 0.8, b: null, order: 60 });
    expect(rate!.detail).toEqual({ a: '80.0% (8,000 of 10,000 prompt tokens read from cache)', b: 'n/a (not measured by legacy Radium reports)' });
    expect(savings).toMatchObject({ section: 'Cache', label: 'Savings', unit: 'usd', a: 0.01, b: null });
  });
});
