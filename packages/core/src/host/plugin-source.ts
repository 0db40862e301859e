import type { AnyMetricPlugin } from '../plugin/contract.js';

/**
 * How another thread can load the same metric plugins as this one: a module, by file URL or
 * absolute path, whose `loadMetricPlugins(data)` export resolves to them. The CLI names one that
 * runs its plugin discovery; without one, index builds stay on one thread.
 */
export interface PluginSource {
  /** File URL or absolute path of the module. */
  module: string;
  /** Passed to `loadMetricPlugins`; must survive structured cloning. */
  data?: unknown;
}

/** The export a plugin source module provides. */
export type LoadMetricPlugins = (data: unknown) => Promise<readonly AnyMetricPlugin[]> | readonly AnyMetricPlugin[];
