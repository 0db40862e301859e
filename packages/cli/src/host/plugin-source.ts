import { Config, type Interfaces } from '@oclif/core';
import type { AnyMetricPlugin, PluginSource } from '@radium-stats/core';
import { discoverMetricPlugins } from './discover.js';

/**
 * Loads the metric plugins `rad` runs with, in another thread (the summary index's build threads).
 * Warnings are dropped: the main thread gave them when it loaded the same plugins.
 */
export async function loadMetricPlugins(data: unknown): Promise<AnyMetricPlugin[]> {
  const { root } = data as { root: string };
  return discoverMetricPlugins(await Config.load(root), () => {});
}

/** The plugin source of a loaded oclif config: this module, discovering from the same CLI root. */
export function pluginSourceFor(config: Interfaces.Config): PluginSource {
  return { module: import.meta.url, data: { root: config.root } };
}
