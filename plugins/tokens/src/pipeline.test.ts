import { MAX_TOKENS, MAX_USD_PER_MILLION, validateMetricPlugin } from '@radium-stats/core';
import { countPlugin, testHost } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import metricPluginsHook from './oclif-hook.js';
import { tokensPlugin } from './plugin.js';
import type { TokensSection } from './section.js';

describe('tokens through the real pipeline', () => {
  it('is a valid plugin, handed out by its oclif hook', async () => {
    expect(validateMetricPlugin(await metricPluginsHook(), 'tokens')).toBe(tokensPlugin);
  });

  it('records a session and prices a private model from config overrides', async () => {
    const env = { RADIUM_STATS_CONFIG: JSON.stringify({ prices: { overrides: { 'acme-coder': { input: 1, output: 2 } } } }) };
    const host = await testHost([tokensPlugin], { env });
    const rec = await host.recorders.start({ agent: 'test' });
    rec.record({ type: 'api.response', model: 'acme-coder', engine: 'acme', tokens: { input: 1_000_000, output: 500_000 }, durationMs: 900 });
    const report = await rec.end();
    const section = report.sections.tokens as TokensSection;
    expect(section.total.costUsd).toBe(2);
    expect(section.priceDataVersion).toMatch(/^genai-prices@.+\+overrides\.[0-9a-f]{8}$/);
    expect(host.warnings.messages).toEqual([]);
  });

  it('keeps sessions at the number ceilings, costs past 2^53 nano-dollars included, exact through report files and the merged view', async () => {
    // A billion input tokens at the 10,000 USD per million price ceiling: $10 million, past 2^53 nano-dollars on its own.
    const env = { RADIUM_STATS_CONFIG: JSON.stringify({ prices: { overrides: { 'acme-coder': { input: MAX_USD_PER_MILLION, output: 1 } } } }) };
    const host = await testHost([tokensPlugin], { env });
    const ids: string[] = [];
    for (let session = 0; session < 3; session += 1) {
      const rec = await host.recorders.start();
      for (let i = 0; i < 3; i += 1) rec.record({ type: 'api.response', model: 'acme-coder', engine: 'acme', tokens: { input: MAX_TOKENS, output: 1 } });
      await rec.end();
      ids.push(rec.sessionId);
    }
    for (const id of ids) {
      const { report } = await host.store.load(id);
      const section = report.sections.tokens as TokensSection;
      expect(section.total.inputTokens).toBe(3 * MAX_TOKENS);
      expect(section.total.costNanoUsd).toBe('30000000000003000');
      expect(section.total.costUsd).toBeCloseTo(30_000_000.000003, 6);
    }
    const merged = (await host.catalog.merged()).plugins.tokens!;
    const section = merged.section as TokensSection;
    expect(merged.sessions).toBe(3);
    expect(section.total.requests).toBe(9);
    expect(section.total.inputTokens).toBe(9 * MAX_TOKENS);
    expect(section.total.costNanoUsd).toBe('90000000000009000');
    expect(host.warnings.messages).toEqual([]);
  });

  it('leaves only its own section out when switched off in config', async () => {
    const host = await testHost([tokensPlugin, countPlugin()], { env: { RADIUM_STATS_DISABLE: 'tokens' } });
    const rec = await host.recorders.start();
    rec.record({ type: 'api.response', model: 'gpt-4o', engine: 'openai', tokens: { input: 10 } });
    const report = await rec.end();
    expect(report.plugins).toEqual(['count']);
    expect(report.sections.tokens).toBeUndefined();
  });
});
