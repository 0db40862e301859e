import { CorruptFileError } from '../errors.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { checkSections, upgradeReport } from '../report/migrate.js';
import type { SessionReport } from '../report/schema.js';

/**
 * Parses the text of a report file of any known version into the current shape, keeping only the
 * sections that pass their plugin's schema. Throws CorruptFileError or UnsupportedSchemaVersionError
 * naming `file`. A plain function so index build threads, which have no store, parse exactly alike.
 */
export function parseReportText(text: string, file: string, plugins: readonly AnyMetricPlugin[], warn: (message: string) => void): SessionReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptFileError(file, text.trim() === '' ? 'empty file' : 'not valid JSON, possibly truncated');
  }
  return checkSections(upgradeReport(raw, file, plugins, warn), file, plugins, warn);
}
