import type { Interfaces } from '@oclif/core';

type Config = Interfaces.Config;

/**
 * Position of an oclif plugin in display order: the CLI's own `oclif.plugins` list first (tools,
 * git, timing, tokens, cache), then user-installed and linked plugins in the order oclif loaded them.
 */
export function pluginRank(config: Config, name: string): number {
  const core = (config.pjson.oclif.plugins ?? []) as string[];
  const index = core.indexOf(name);
  if (index >= 0) return index;
  const loaded = [...config.plugins.keys()].indexOf(name);
  return core.length + (loaded >= 0 ? loaded : config.plugins.size);
}

/** Sorts hook outcomes by their plugin's display order (oclif runs hooks concurrently, so they arrive in any order). */
export function sortByPluginOrder<T extends { plugin: { name: string } }>(config: Config, items: readonly T[]): T[] {
  return [...items].sort((a, b) => pluginRank(config, a.plugin.name) - pluginRank(config, b.plugin.name));
}
