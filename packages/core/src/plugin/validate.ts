import { PluginError } from '../errors.js';
import { PLUGIN_API_VERSION, SUPPORTED_PLUGIN_API_VERSIONS, type AnyMetricPlugin } from './contract.js';
import { validateFactTables } from './validate-facts.js';

const ID = /^[a-z][a-z0-9-]{0,63}$/;

const fn = (v: unknown): boolean => typeof v === 'function';

/** Checks that a value satisfies the metric plugin contract; throws PluginError naming what is missing. */
export function validateMetricPlugin(value: unknown, source: string): AnyMetricPlugin {
  if (typeof value !== 'object' || value === null) throw new PluginError(source, 'did not export a plugin object');
  const p = value as Partial<AnyMetricPlugin>;
  const id = typeof p.id === 'string' ? p.id : source;
  if (typeof p.id !== 'string' || !ID.test(p.id)) throw new PluginError(source, `has an invalid id ${JSON.stringify(p.id)} (want ${ID.source})`);
  if (!SUPPORTED_PLUGIN_API_VERSIONS.includes(p.apiVersion as number)) {
    throw new PluginError(id, `was written for plugin API ${String(p.apiVersion)}, this rad implements ${SUPPORTED_PLUGIN_API_VERSIONS.join(' and ')}: install a matching version`);
  }
  if (typeof p.title !== 'string' || typeof p.description !== 'string') throw new PluginError(id, 'needs a title and a description');
  if (!p.section || !fn((p.section as { safeParse?: unknown }).safeParse)) throw new PluginError(id, 'needs a `section` schema with safeParse');
  if (p.options !== undefined && !fn((p.options as { safeParse?: unknown }).safeParse)) throw new PluginError(id, '`options` must be a schema with safeParse');
  if (!fn(p.createCollector)) throw new PluginError(id, 'needs a createCollector function');
  if (!fn(p.merge)) throw new PluginError(id, 'needs a merge function');
  for (const hook of ['onSessionStart', 'onSessionEnd', 'summarize', 'fromLegacy'] as const) {
    if (p[hook] !== undefined && !fn(p[hook])) throw new PluginError(id, `\`${hook}\` must be a function`);
  }
  if (typeof p.report !== 'object' || p.report === null) throw new PluginError(id, 'needs a `report` object (its members are optional)');
  if (p.facts !== undefined) {
    if (p.apiVersion !== PLUGIN_API_VERSION) throw new PluginError(id, `declares facts, which need plugin API ${PLUGIN_API_VERSION}`);
    if (typeof p.facts !== 'object' || p.facts === null || !fn(p.facts.toSection)) throw new PluginError(id, '`facts` needs `tables` and a `toSection` function');
    validateFactTables(id, p.facts.tables);
    if (p.facts.fromSection !== undefined && !fn(p.facts.fromSection)) throw new PluginError(id, '`facts.fromSection` must be a function');
  }
  return p as AnyMetricPlugin;
}

/** Something a discovery mechanism produced: the value and where it came from, for warnings. */
export interface PluginCandidate {
  /** Package or file that provided it. */
  source: string;
  /** A plugin object, an array of them, or whatever a broken plugin returned. */
  value: unknown;
}

/** Validates candidates, drops duplicates (first wins) and reports every problem through `warn`. */
export function resolveMetricPlugins(candidates: PluginCandidate[], warn: (message: string) => void): AnyMetricPlugin[] {
  const out: AnyMetricPlugin[] = [];
  const seen = new Map<string, string>();
  for (const { source, value } of candidates) {
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        const plugin = validateMetricPlugin(item, source);
        const first = seen.get(plugin.id);
        if (first) {
          warn(`Plugin ${plugin.id} from ${source} ignored: ${first} already provides that id.`);
          continue;
        }
        seen.set(plugin.id, source);
        out.push(plugin);
      } catch (error) {
        warn(error instanceof PluginError ? `${error.message}; it was skipped.` : `Plugin from ${source} failed to load: ${(error as Error).message}`);
      }
    }
  }
  return out;
}
