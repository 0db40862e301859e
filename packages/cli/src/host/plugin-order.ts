import type { Interfaces } from '@oclif/core';

type Config = Interfaces.Config;

/**
 * Position of an oclif plugin in display order: the CLI's own `oclif.plugins` list first (tools,
 * git, timing, tokens, cache), then user-installed and linked plugins by name. oclif loads user
 * plugins concurrently, so its load order is not stable from run to run; names are.
 */
export function pluginRank(config: Config, name: string): number {
  const core = (config.pjson.oclif.plugins ?? []) as string[];
  const index = core.indexOf(name);
  if (index >= 0) return index;
  const users = [...config.plugins.keys()].filter((n) => !core.includes(n)).sort();
  const position = users.indexOf(name);
  return core.length + (position >= 0 ? position : users.length);
}

/** Sorts hook outcomes by their plugin's display order (oclif runs hooks concurrently, so they arrive in any order). */
export function sortByPluginOrder<T extends { plugin: { name: string } }>(config: Config, items: readonly T[]): T[] {
  return [...items].sort((a, b) => pluginRank(config, a.plugin.name) - pluginRank(config, b.plugin.name));
}
