import { CorruptFileError } from '../errors.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { factRowsProblem } from '../report/fact-rows.js';
import { checkSections, upgradeReport } from '../report/migrate.js';
import type { SessionReport } from '../report/schema.js';
import { withoutSections } from './skip-sections.js';

/** Which parts of a report a reader will use, so that only those are checked. */
export interface ParseOptions {
  /** The session id the file is named by: the report's sessionId must be it. */
  id?: string;
  /** Plugins whose sections are checked and kept (default: all); others' sections are dropped unchecked. */
  sections?: (plugin: AnyMetricPlugin, report: SessionReport) => boolean;
}

/**
 * Parses the text of a report file of any known version into the current shape: the envelope is
 * checked, each plugin's fact rows against its declaration and each wanted section against its
 * plugin's schema; what fails is left out with a warning. Throws CorruptFileError or
 * UnsupportedSchemaVersionError naming `file`.
 */
export function parseReportText(text: string, file: string, plugins: readonly AnyMetricPlugin[], warn: (message: string) => void, options: ParseOptions = {}): SessionReport {
  const envelope = options.sections ? parseEnvelopeAndFacts(text, file, plugins, options) : undefined;
  if (envelope) {
    envelope.warnings.forEach(warn);
    return envelope.report;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new CorruptFileError(file, text.trim() === '' ? 'empty file' : 'not valid JSON, possibly truncated');
  }
  const report = upgradeReport(raw, file, plugins, warn);
  // A report is its session by its file name: one holding another session (a copy under a new
  // name) would count that session twice.
  if (options.id !== undefined && report.sessionId !== options.id) {
    throw new CorruptFileError(file, `its sessionId ${shortQuote(report.sessionId)} is not its file name's ${JSON.stringify(options.id)}`);
  }
  checkFacts(report, file, plugins, warn);
  const wanted = options.sections;
  return checkSections(report, file, wanted ? plugins.filter((p) => wanted(p, report)) : plugins, warn, wanted !== undefined);
}

/**
 * A report parsed without its sections, for a reader that wants none of the sections it holds
 * (see withoutSections); undefined when the text cannot be cut, or fails any check, or holds a
 * section the reader wants: it is then parsed whole, which reports what is wrong.
 */
function parseEnvelopeAndFacts(text: string, file: string, plugins: readonly AnyMetricPlugin[], options: ParseOptions): { report: SessionReport; warnings: string[] } | undefined {
  const cut = withoutSections(text);
  // A plugin without facts (API 1) is always read from its section: with one in the report, the
  // whole text is parsed once rather than its cut after.
  if (!cut || plugins.some((p) => !p.facts && cut.had(p.id))) return undefined;
  const warnings: string[] = [];
  try {
    const report = upgradeReport(JSON.parse(cut.text), file, plugins, (m) => warnings.push(m));
    if (options.id !== undefined && report.sessionId !== options.id) return undefined;
    checkFacts(report, file, plugins, (m) => warnings.push(m));
    if (plugins.some((p) => options.sections!(p, report) && cut.had(p.id))) return undefined;
    return { report, warnings };
  } catch {
    return undefined;
  }
}

/** Drops (with a warning) the fact rows of any active plugin that do not fit its declaration: a report edited by hand. */
function checkFacts(report: SessionReport, file: string, plugins: readonly AnyMetricPlugin[], warn: (message: string) => void): void {
  if (!report.facts) return;
  for (const plugin of plugins) {
    const rows = report.facts[plugin.id];
    if (rows === undefined || !plugin.facts) continue;
    const problem = factRowsProblem(plugin.facts.tables, rows);
    if (problem === undefined) continue;
    warn(`${file}: facts of ${plugin.id} do not match its declaration (${problem}); they are left out.`);
    delete report.facts[plugin.id];
  }
}

/** A string quoted for a one-line message, cut short when long. */
function shortQuote(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
