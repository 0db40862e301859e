import { cachePlugin } from './plugin.js';

/** The `radium:metric-plugins` hook: hands the CLI this package's plugin. */
export default async function metricPluginsHook() {
  return cachePlugin;
}
