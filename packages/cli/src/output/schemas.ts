import { z } from 'zod';
import { sessionReportSchema } from '@radium-stats/core';

/**
 * Shapes of every command's `--json` output. The build publishes them as JSON Schemas under
 * `schema/` (scripts/write-json-schemas.mjs), and the end-to-end tests check real output against those files.
 */

const isoTime = z.iso.datetime({ offset: true });
const value = z.number().nullable();

/** `rad stats session --json`, `rad session end --json`: the report, with the sections of active plugins only. */
export const sessionJsonSchema = sessionReportSchema;

/** One session in `rad stats history --json`. */
export const historySessionSchema = z.object({
  sessionId: z.string(),
  startTime: isoTime,
  endTime: isoTime.nullable(),
  status: z.enum(['ended', 'live', 'abandoned']),
  source: z.string(),
  agent: z.string().optional(),
  sections: z.record(z.string(), z.unknown()).describe("Each active plugin's summarized section, keyed by plugin id"),
});

/** `rad stats history --json`. */
export const historyJsonSchema = z.object({
  total: z.number().int().nonnegative().describe('Sessions in the workspace'),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(100),
  sessions: z.array(historySessionSchema).describe('Newest first'),
});

/** One compared quantity in `rad stats compare --json`. */
export const compareRowJsonSchema = z.object({
  section: z.string().describe('Section heading, e.g. `Cost`'),
  label: z.string().describe('`Delta` for the section headline, else the quantity'),
  unit: z.enum(['count', 'tokens', 'usd', 'duration', 'ratio', 'lines']).describe('duration: milliseconds; ratio: 0..1; usd: dollars'),
  a: value.describe('Value in session A; null when not known'),
  b: value.describe('Value in session B; null when not known'),
  delta: value.describe('b - a (for a ratio: the difference of the ratios); null when either is not known'),
  percent: value.describe('delta as a percentage of a; null when a is 0 or either value is not known'),
  detail: z.object({ a: z.string(), b: z.string() }).optional().describe('Human text of the two values'),
});

/** `rad stats compare A B --json`. */
export const compareJsonSchema = z.object({
  a: z.string().describe('Session A id'),
  b: z.string().describe('Session B id'),
  rows: z.array(compareRowJsonSchema),
  skipped: z.array(z.object({ plugin: z.string(), reason: z.string() })).describe('Plugins without a section in both sessions'),
});

/** `rad stats model --json` and `rad stats engine --json`: the JSON of the plugin view (tokens: see its README). */
export const namedViewJsonSchema = z.unknown().describe('The `json` of the named view of the plugin that provides it');

/** Version of the export document format. */
export const EXPORT_SCHEMA_VERSION = 1;

/** `rad stats export` (stdout or `--output FILE`). */
export const exportJsonSchema = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  exportedAt: isoTime,
  sessions: z.array(sessionReportSchema).describe('Newest first; sections of active plugins only'),
});

/** `rad stats export --output FILE --json`: what was written. */
export const exportResultJsonSchema = z.object({
  output: z.string().describe('Absolute path of the file written'),
  sessions: z.number().int().nonnegative(),
});

/** `rad init --json`. */
export const initJsonSchema = z.object({
  root: z.string().describe('Absolute workspace root'),
  created: z.boolean().describe('false when the workspace already existed'),
});

/** `rad session start --json`. */
export const sessionStartJsonSchema = z.object({
  sessionId: z.string(),
  workspace: z.string(),
});

/** `rad session record --json`. */
export const sessionRecordJsonSchema = z.object({
  sessionId: z.string(),
  recorded: z.number().int().nonnegative().describe('Events appended'),
});

/** Any command's `--json` output when it fails (exit code non-zero). */
export const errorJsonSchema = z.object({
  error: z
    .object({
      name: z.string(),
      message: z.string(),
      exitCode: z.number().int().optional(),
    })
    .loose(),
});

/** Published schema files: file name → schema and title. */
export const publishedSchemas = {
  'session.schema.json': { schema: sessionJsonSchema, title: 'rad stats session --json (and rad session end --json)' },
  'history.schema.json': { schema: historyJsonSchema, title: 'rad stats history --json' },
  'compare.schema.json': { schema: compareJsonSchema, title: 'rad stats compare --json' },
  'model.schema.json': { schema: namedViewJsonSchema, title: 'rad stats model --json' },
  'engine.schema.json': { schema: namedViewJsonSchema, title: 'rad stats engine --json' },
  'export.schema.json': { schema: exportJsonSchema, title: 'rad stats export' },
  'export-result.schema.json': { schema: exportResultJsonSchema, title: 'rad stats export --output FILE --json' },
  'init.schema.json': { schema: initJsonSchema, title: 'rad init --json' },
  'session-start.schema.json': { schema: sessionStartJsonSchema, title: 'rad session start --json' },
  'session-record.schema.json': { schema: sessionRecordJsonSchema, title: 'rad session record --json' },
  'error.schema.json': { schema: errorJsonSchema, title: 'rad <command> --json on failure' },
} as const;

export type HistoryJson = z.infer<typeof historyJsonSchema>;
export type CompareJson = z.infer<typeof compareJsonSchema>;
export type ExportResultJson = z.infer<typeof exportResultJsonSchema>;
export type InitJson = z.infer<typeof initJsonSchema>;
export type SessionStartJson = z.infer<typeof sessionStartJsonSchema>;
export type SessionRecordJson = z.infer<typeof sessionRecordJsonSchema>;
