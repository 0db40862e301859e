import { PluginError, RadiumError, type ActivePlugin, type Host, type NamedView, type StoreFilter, type ViewScope } from '@radium-stats/core';
import { SectionMissingError, ViewUnavailableError } from '../errors.js';
import { checkBlocks } from './check-blocks.js';
import { arrangeBlocks } from './arrange-blocks.js';
import { noSessionsError } from './select-session.js';

type ViewFn = (section: unknown, scope: ViewScope) => NamedView;

/** The first active plugin (in display order) that provides the named view. */
export function findViewProvider(plugins: readonly ActivePlugin[], name: string): { plugin: ActivePlugin['plugin']; view: ViewFn } | undefined {
  for (const { plugin } of plugins) {
    const view = plugin.report.views?.[name];
    if (typeof view === 'function') return { plugin, view: view.bind(plugin.report.views) as ViewFn };
  }
  return undefined;
}

/** Section and scope of a view: one session's section, or every session's summary merged (the catalog does the merging). */
async function viewInput(host: Host, pluginId: string, sessionId: string | undefined, filter: StoreFilter, filtered: boolean): Promise<{ section: unknown; scope: ViewScope; empty?: boolean }> {
  if (sessionId !== undefined) {
    const { report } = await host.store.load(await host.catalog.resolveId(sessionId));
    const section = report.sections[pluginId];
    if (section === undefined) throw new SectionMissingError(report.sessionId, pluginId);
    return { section, scope: { kind: 'session', sessions: 1, sessionId: report.sessionId } };
  }
  const merged = await host.catalog.merged(filter, [pluginId]);
  const entry = merged.plugins[pluginId];
  if (filtered && !entry) {
    // Nothing matched: the view of no sessions (its JSON keeps its shape), when the plugin can make one.
    const plugin = host.plugins.find((p) => p.plugin.id === pluginId)!.plugin;
    if (plugin.facts) return { section: plugin.facts.toSection({}, { sessions: 0 }), scope: { kind: 'all', sessions: 0 }, empty: true };
  }
  if (merged.sessions === 0) throw noSessionsError(host);
  if (!entry) throw new PluginError(pluginId, 'has no section in any session of this workspace (or could not merge them; see the warnings)');
  // Every selected session was aggregated, including those without the plugin's section (recorded before it was installed, say).
  return { section: entry.section, scope: { kind: 'all', sessions: merged.sessions } };
}

/** Computes `rad stats model` / `rad stats engine`: the named view of whichever plugin provides it. */
export async function namedView(host: Host, name: string, sessionId: string | undefined, filter: StoreFilter = {}, filtered = false): Promise<NamedView & { empty?: boolean }> {
  const provider = findViewProvider(host.plugins, name);
  if (!provider) throw new ViewUnavailableError(name);
  const { plugin, view } = provider;
  let result: NamedView;
  let empty: boolean | undefined;
  try {
    const input = await viewInput(host, plugin.id, sessionId, filter, filtered);
    empty = input.empty;
    result = view(input.section, input.scope);
  } catch (error) {
    if (error instanceof RadiumError) throw error;
    throw new PluginError(plugin.id, `failed to build the ${name} view (${(error as Error)?.message ?? String(error)})`, { cause: error });
  }
  if (typeof result !== 'object' || result === null) throw new PluginError(plugin.id, `returned no ${name} view`);
  return { blocks: arrangeBlocks(checkBlocks(plugin.id, `the ${name} view`, result.blocks, host.warnings.warn)), json: result.json, ...(empty ? { empty } : {}) };
}
