import { createHash } from 'node:crypto';
import type { AnyMetricPlugin } from '../plugin/contract.js';

/** Version of the summary rows' meaning; bump when `summarizeReport` or report upgrading changes. */
export const SUMMARY_VERSION = 1;

const cache = new WeakMap<AnyMetricPlugin, string>();
const source = (f: unknown): string => (typeof f === 'function' ? f.toString() : '');

/**
 * What a plugin's cached summaries depend on: its declared version and the code of the functions
 * that turn a stored section into a summary. Hashing that code catches an upgraded plugin that did
 * not declare a version, as long as the change is visible in those functions.
 */
export function pluginFingerprint(plugin: AnyMetricPlugin): string {
  const known = cache.get(plugin);
  if (known) return known;
  const code = [plugin.summarize, plugin.merge, plugin.fromLegacy].map(source).join('\n');
  const hash = createHash('sha256').update(code).digest('base64url').slice(0, 16);
  const fingerprint = `${SUMMARY_VERSION}.${plugin.apiVersion}.${plugin.version ?? '-'}.${hash}`;
  cache.set(plugin, fingerprint);
  return fingerprint;
}
