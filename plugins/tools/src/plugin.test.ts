import { PLUGIN_API_VERSION, validateMetricPlugin } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import metricPluginsHook from './oclif-hook.js';
import { toolsPlugin } from './plugin.js';

describe('tools plugin object', () => {
  it('satisfies the host contract and is what the oclif hook hands out', async () => {
    expect(validateMetricPlugin(toolsPlugin, 'test')).toBe(toolsPlugin);
    expect(toolsPlugin.apiVersion).toBe(PLUGIN_API_VERSION);
    expect(await metricPluginsHook()).toBe(toolsPlugin);
  });
});
