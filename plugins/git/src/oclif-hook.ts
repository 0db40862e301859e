import { gitPlugin } from './plugin.js';

/** oclif hook `radium:metric-plugins`: hands the git metric plugin to the CLI. */
export default async function metricPluginsHook() {
  return gitPlugin;
}
