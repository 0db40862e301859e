import { PLUGIN_API_VERSION, validateMetricPlugin } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import metricPluginsHook from './oclif-hook.js';
import { timingPlugin } from './plugin.js';

describe('timing plugin object', () => {
  it('satisfies the host contract and is what the oclif hook hands out', async () => {
    expect(validateMetricPlugin(timingPlugin, 'test')).toBe(timingPlugin);
    expect(timingPlugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(await metricPluginsHook()).toBe(timingPlugin);
  });
});
