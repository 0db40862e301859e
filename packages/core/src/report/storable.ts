import type { AnyMetricPlugin } from '../plugin/contract.js';
import { firstIssue } from './migrate.js';

/**
 * Whether a plugin's section reads back valid once written, checked in its JSON form (where
 * Infinity and NaN become null and a number past 2^53 has lost digits). A section that would not
 * is left out of the report with a warning now, rather than silently dropped at every read.
 */
export function storableSection(plugin: AnyMetricPlugin, section: unknown, warn: (message: string) => void): boolean {
  let stored: unknown;
  try {
    stored = JSON.parse(JSON.stringify(section));
  } catch (error) {
    warn(`Plugin ${plugin.id} produced a section that cannot be written as JSON (${(error as Error).message}); it is left out.`);
    return false;
  }
  const result = plugin.section.safeParse(stored);
  if (result.success) return true;
  warn(`Plugin ${plugin.id} produced a section that does not match its own schema (${firstIssue(result.error)}); it is left out.`);
  return false;
}
