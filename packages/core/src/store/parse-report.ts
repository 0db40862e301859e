import { CorruptFileError } from '../errors.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { fastCheck } from '../report/fast-check.js';
import { checkSections, upgradeReport } from '../report/migrate.js';
import { sessionReportSchema, type SessionReport } from '../report/schema.js';

/**
 * Parses the text of a report file of any known version into the current shape, keeping only the
 * sections that pass their plugin's schema. Throws CorruptFileError or UnsupportedSchemaVersionError
 * naming `file`. A plain function so index build threads, which have no store, parse exactly alike.
 * `fast` (bulk reads) checks with compiled schemas where a plugin's schema allows (see fast-check.ts).
 */
export function parseReportText(text: string, file: string, plugins: readonly AnyMetricPlugin[], warn: (message: string) => void, fast = false): SessionReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptFileError(file, text.trim() === '' ? 'empty file' : 'not valid JSON, possibly truncated');
  }
  return checkSections(upgradeReport(raw, file, plugins, warn, fast), file, plugins, warn, fast);
}

/** Compiles the checks a bulk parse uses now, so a build thread pays for it while it starts. */
export function prepareFastChecks(plugins: readonly AnyMetricPlugin[]): void {
  fastCheck(sessionReportSchema);
  for (const plugin of plugins) fastCheck(plugin.section);
}
