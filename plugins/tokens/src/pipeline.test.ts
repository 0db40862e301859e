import { validateMetricPlugin } from '@radium-stats/core';
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

  it('leaves only its own section out when switched off in config', async () => {
    const host = await testHost([tokensPlugin, countPlugin()], { env: { RADIUM_STATS_DISABLE: 'tokens' } });
    const rec = await host.recorders.start();
    rec.record({ type: 'api.response', model: 'gpt-4o', engine: 'openai', tokens: { input: 10 } });
    const report = await rec.end();
    expect(report.plugins).toEqual(['count']);
    expect(report.sections.tokens).toBeUndefined();
  });
});
