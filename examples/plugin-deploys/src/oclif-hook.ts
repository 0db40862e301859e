import { deploysPlugin } from './plugin.js';

/** `radium:metric-plugins` hook: rad calls it to collect metric plugins and validates what comes back. */
export default async function metricPluginsHook() {
  return deploysPlugin;
}
