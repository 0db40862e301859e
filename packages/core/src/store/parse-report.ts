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
 * `id`, the session id the file is named by, must be the report's sessionId.
 */
export function parseReportText(text: string, file: string, plugins: readonly AnyMetricPlugin[], warn: (message: string) => void, fast = false, id?: string): SessionReport {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptFileError(file, text.trim() === '' ? 'empty file' : 'not valid JSON, possibly truncated');
  }
  const report = upgradeReport(raw, file, plugins, warn, fast);
  // A report is its session by its file name: one holding another session (a copy under a new
  // name) would count that session twice.
  if (id !== undefined && report.sessionId !== id) throw new CorruptFileError(file, `its sessionId ${shortQuote(report.sessionId)} is not its file name's ${JSON.stringify(id)}`);
  return checkSections(report, file, plugins, warn, fast);
}

/** A string quoted for a one-line message, cut short when long. */
function shortQuote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** Compiles the checks a bulk parse uses now, so a build thread pays for it while it starts. */
export function prepareFastChecks(plugins: readonly AnyMetricPlugin[]): void {
  fastCheck(sessionReportSchema);
  for (const plugin of plugins) fastCheck(plugin.section);
}
