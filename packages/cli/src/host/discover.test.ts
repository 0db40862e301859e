import { describe, expect, it } from 'vitest';
import type { Interfaces } from '@oclif/core';
import { tallyPlugin } from '../../test/fixtures/plugins.js';
import { discoverMetricPlugins, METRIC_PLUGINS_HOOK } from './discover.js';

/** Just enough of an oclif config: its plugin list and a runHook that replays fixed outcomes. */
function fakeConfig(outcomes: { name: string; result?: unknown; error?: Error }[]): Interfaces.Config {
  const plugins = new Map(outcomes.map((o) => [o.name, { name: o.name }]));
  return {
    pjson: { oclif: { plugins: ['@radium-stats/plugin-tools', '@radium-stats/plugin-tokens'] } },
    plugins,
    runHook: async (event: string, _opts: unknown, timeout: number, capture: boolean) => {
      expect(event).toBe(METRIC_PLUGINS_HOOK);
      expect(timeout).toBeGreaterThan(0);
      expect(capture).toBe(true);
      return {
        successes: outcomes.filter((o) => !o.error).map((o) => ({ plugin: { name: o.name }, result: o.result })),
        failures: outcomes.filter((o) => o.error).map((o) => ({ plugin: { name: o.name }, error: o.error })),
      };
    },
  } as unknown as Interfaces.Config;
}

describe('discoverMetricPlugins', () => {
  it('orders plugins as the CLI lists them, user plugins after, whatever order the hooks finished in', async () => {
    const warnings: string[] = [];
    const config = fakeConfig([
      { name: 'acme-user-plugin', result: tallyPlugin('acme', 'acme.a') },
      { name: '@radium-stats/plugin-tokens', result: tallyPlugin('tokens', 'x') },
      { name: '@radium-stats/plugin-tools', result: [tallyPlugin('tools', 'y')] },
    ]);
    const plugins = await discoverMetricPlugins(config, (m) => warnings.push(m));
    expect(plugins.map((p) => p.id)).toEqual(['tools', 'tokens', 'acme']);
    expect(warnings).toEqual([]);
  });

  it('turns a throwing hook and a garbage result into one warning each naming the plugin, and keeps the rest', async () => {
    const warnings: string[] = [];
    const config = fakeConfig([
      { name: 'throws-plugin', error: new Error('boom\n    at stack line') },
      { name: 'garbage-plugin', result: 'not a plugin' },
      { name: '@radium-stats/plugin-tools', result: tallyPlugin('tools', 'y') },
    ]);
    const plugins = await discoverMetricPlugins(config, (m) => warnings.push(m));
    expect(plugins.map((p) => p.id)).toEqual(['tools']);
    expect(warnings).toEqual([
      'Plugin throws-plugin failed to load (boom); it was skipped.',
      'Plugin garbage-plugin: did not export a plugin object; it was skipped.',
    ]);
  });
});
