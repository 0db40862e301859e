import type { Interfaces } from '@oclif/core';

type Config = Interfaces.Config;
import { PLUGIN_API_VERSION, resolveMetricPlugins, type AnyMetricPlugin, type PluginCandidate } from '@radium-stats/core';
import { sortByPluginOrder } from './plugin-order.js';

/** oclif hook a package declares (`oclif.hooks`) to hand metric plugin objects to the CLI. */
export const METRIC_PLUGINS_HOOK = 'radium:metric-plugins';
/** oclif hook a package declares to hand importer objects to the CLI. */
export const IMPORTERS_HOOK = 'radium:importers';
/**
 * oclif hook an importer plugin may declare besides IMPORTERS_HOOK, once per importer id it hands
 * over (`radium:importer:<id>`, same module): auto-import then loads only the plugins of the agents
 * config lists, not every importer, before each view.
 */
export const importerHook = (id: string): string => `radium:importer:${id}`;
/** How long one plugin's hook may take before it counts as broken, so a hung plugin cannot hang `rad`. */
export const HOOK_TIMEOUT_MS = 15_000;

/** First line of an error message: a plugin's multi-line stack text must not flood the warning. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}

/**
 * Runs a custom hook in every core and user plugin that declares it. Returns what each returned,
 * in display order; a hook that throws, times out or cannot be imported becomes one warning naming
 * its plugin, and the others still count.
 */
export async function runPluginHook(
  config: Config,
  event: string,
  warn: (message: string) => void,
  options: Record<string, unknown> = {},
): Promise<PluginCandidate[]> {
  const { successes, failures } = await config.runHook(event, { apiVersion: PLUGIN_API_VERSION, ...options }, HOOK_TIMEOUT_MS, true);
  for (const failure of sortByPluginOrder(config, failures)) {
    warn(`Plugin ${failure.plugin.name} failed to load (${firstLine(failure.error)}); it was skipped.`);
  }
  return sortByPluginOrder(config, successes).map((success) => ({ source: success.plugin.name, value: success.result }));
}

/** Finds every metric plugin through the `radium:metric-plugins` hook and validates it (bad ones are warned about and dropped). */
export async function discoverMetricPlugins(config: Config, warn: (message: string) => void): Promise<AnyMetricPlugin[]> {
  return resolveMetricPlugins(await runPluginHook(config, METRIC_PLUGINS_HOOK, warn), warn);
}
