import { z } from 'zod';
import { CorruptFileError, UnsupportedSchemaVersionError } from '../errors.js';
import { describeZodError } from '../events/parse.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { legacyReportSchema, type LegacyMetrics } from './legacy-schema.js';
import { REPORT_SCHEMA_VERSION, sessionReportSchema, type SessionReport } from './schema.js';

/** RFC 3339 with up to 9 fractional digits (as Rust writes) to ISO with milliseconds. */
function normalizeTime(value: string, file: string): string {
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) throw new CorruptFileError(file, `bad time ${JSON.stringify(value)}`);
  return new Date(ms).toISOString();
}

/** Turns a schema-version-0 report (the original Radium's) into the current envelope. */
export function migrateLegacyReport(raw: unknown, file: string, plugins: readonly AnyMetricPlugin[], warn: (m: string) => void): SessionReport {
  const parsed = legacyReportSchema.safeParse(raw);
  if (!parsed.success) throw new CorruptFileError(file, `not a Radium report: ${describeZodError(parsed.error)}`);
  const m: LegacyMetrics = parsed.data.metrics;
  const startTime = normalizeTime(m.start_time, file);
  const endTime = m.end_time ? normalizeTime(m.end_time, file) : null;
  const sections: Record<string, unknown> = {};
  for (const plugin of plugins) {
    if (!plugin.fromLegacy) continue;
    try {
      const section = plugin.fromLegacy(m);
      if (section !== undefined) sections[plugin.id] = section;
    } catch (error) {
      warn(`Plugin ${plugin.id} could not migrate ${file} (${(error as Error).message}); its section is left out.`);
    }
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    sessionId: m.session_id,
    startTime,
    endTime,
    status: endTime ? 'ended' : 'abandoned',
    source: 'legacy-radium',
    generatedAt: parsed.data.generated_at ? normalizeTime(parsed.data.generated_at, file) : (endTime ?? startTime),
    plugins: Object.keys(sections),
    sections,
  };
}

/** Parses report JSON of any known version into the current shape; throws a named error otherwise. */
export function upgradeReport(raw: unknown, file: string, plugins: readonly AnyMetricPlugin[], warn: (m: string) => void): SessionReport {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CorruptFileError(file, 'not a JSON object');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (version === undefined && 'metrics' in raw) return migrateLegacyReport(raw, file, plugins, warn);
  if (typeof version !== 'number') throw new CorruptFileError(file, 'no schemaVersion');
  if (version > REPORT_SCHEMA_VERSION) throw new UnsupportedSchemaVersionError(file, version, REPORT_SCHEMA_VERSION);
  const result = envelopeSchema.safeParse(raw);
  if (!result.success) throw new CorruptFileError(file, `wrong shape: ${describeZodError(result.error)}`);
  // Fact rows are typed by their plugin's declaration once parse-report has checked them.
  return result.data as SessionReport;
}

// Each active plugin's facts are checked against its declaration (parse-report.ts), which is both
// stricter and many times faster than a generic schema over every row; the facts of other plugins
// are never read.
const envelopeSchema = sessionReportSchema.extend({ facts: z.record(z.string(), z.unknown()).optional() });

/** First issue of a schema error from any zod copy, as one short phrase. */
export function firstIssue(error: { message: string; issues?: { path?: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues?.[0];
  if (!issue) return error.message.split('\n')[0] ?? 'invalid';
  return `${issue.path?.length ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
}

/**
 * Keeps the sections of `plugins` that pass their plugin's schema (zod's parsed copy) and drops
 * those that fail, with a warning; `dropOthers`: sections of any other plugin are dropped unchecked.
 */
export function checkSections(report: SessionReport, file: string, plugins: readonly AnyMetricPlugin[], warn: (m: string) => void, dropOthers = false): SessionReport {
  const sections: Record<string, unknown> = dropOthers ? {} : { ...report.sections };
  for (const plugin of plugins) {
    if (!(plugin.id in report.sections)) continue;
    sections[plugin.id] = report.sections[plugin.id];
    const result = plugin.section.safeParse(sections[plugin.id]);
    if (result.success) {
      sections[plugin.id] = result.data;
    } else {
      warn(`${file}: section ${plugin.id} does not match its schema (${firstIssue(result.error)}); it is left out.`);
      delete sections[plugin.id];
    }
  }
  return { ...report, sections };
}
