import { timingPlugin } from './plugin.js';

/** The `radium:metric-plugins` hook: hands the CLI this package's plugin object. */
export default async function metricPluginsHook() {
  return timingPlugin;
}
