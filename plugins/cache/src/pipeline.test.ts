import { validateMetricPlugin } from '@radium-stats/core';
import { countPlugin, testHost } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import metricPluginsHook from './oclif-hook.js';
import { cachePlugin } from './plugin.js';
import type { CacheSection } from './section.js';

describe('cache through the real pipeline', () => {
  it('is a valid plugin, handed out by its oclif hook', async () => {
    expect(validateMetricPlugin(await metricPluginsHook(), 'cache')).toBe(cachePlugin);
  });

  it('records a session and measures its cache', async () => {
    const host = await testHost([cachePlugin]);
    const rec = await host.recorders.start();
    rec.record({ type: 'api.response', model: 'gpt-4o', engine: 'openai', tokens: { input: 1_000, cacheRead: 3_000 } });
    const report = await rec.end();
    expect((report.sections.cache as CacheSection).total.hitRate).toBe(0.75);
  });

  it('leaves only its own section out when switched off in config', async () => {
    const host = await testHost([cachePlugin, countPlugin()], { env: { RADIUM_STATS_DISABLE: 'cache' } });
    const rec = await host.recorders.start();
    rec.record({ type: 'api.response', model: 'gpt-4o', engine: 'openai', tokens: { input: 10 } });
    const report = await rec.end();
    expect(report.plugins).toEqual(['count']);
  });
});
