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

/** Which sessions a named view covers. */
export const viewScopeJsonSchema = z.object({
  kind: z.enum(['session', 'all']),
  sessions: z.number().int().nonnegative().describe('Sessions merged'),
  sessionId: z.string().optional(),
});

const count = z.number().int().nonnegative();

/** One row of the usage views (a model or an engine, or the total); fields a source never measured are null. */
export const usageRowJsonSchema = z
  .object({
    requests: count,
    errors: count.nullable(),
    inputTokens: count.describe('Uncached prompt tokens'),
    outputTokens: count.describe('Generated tokens, reasoning included'),
    cacheReadTokens: count,
    cacheWriteTokens: count.nullable().describe('Cache writes with a 5 minute TTL'),
    cacheWrite1hTokens: count.nullable().describe('Cache writes with a 1 hour TTL'),
    reasoningTokens: count.nullable(),
    avgLatencyMs: z.number().nonnegative().nullable(),
    costUsd: z.number().nonnegative().nullable().describe('null when any request could not be priced'),
    pricedCostUsd: z.number().nonnegative().describe('Cost of the requests that could be priced'),
    unpriced: z.boolean(),
    unpricedReason: z.string().nullable(),
  })
  .loose();

/** `rad stats model --json` / `rad stats engine --json`: the tokens plugin's usage view (the plugin may add fields). */
function usageViewJsonSchema(key: 'models' | 'engines', label: 'model' | 'engine') {
  return z
    .object({
      scope: viewScopeJsonSchema,
      priceDataVersion: z.string().describe('Price data the costs were computed with'),
      priceData: z
        .array(
          z.object({
            priceDataVersion: z.string().describe('One price data version: the table, with `+overrides.<hash>` when prices.overrides priced some of its models'),
            sessions: count.nullable().describe('Sessions priced with it; null when the selection counts none of them (a time filter)'),
            overridesApplied: z.boolean().describe('Whether prices.overrides priced some of its models'),
          }),
        )
        .describe('Which price data priced the sessions shown (sessions are re-priced when the price data or the overrides change)'),
      [key]: z.array(usageRowJsonSchema.extend({ [label]: z.string() })).describe('Highest cost first'),
      total: usageRowJsonSchema,
      unpricedModels: z.array(z.string()),
      legacySessions: count.describe('Sessions from legacy reports, which did not measure errors, cache writes, reasoning or latency'),
    })
    .loose();
}

/** `rad stats model --json`. */
export const modelJsonSchema = usageViewJsonSchema('models', 'model');
/** `rad stats engine --json`. */
export const engineJsonSchema = usageViewJsonSchema('engines', 'engine');

/** Requests, tokens and cost of a period, a model in it, or the total, in the time views. */
const periodUsageJsonSchema = z.object({
  requests: count.describe('API requests made: successful responses plus errors'),
  inputTokens: count.describe('Uncached prompt tokens'),
  outputTokens: count.describe('Generated tokens, reasoning included'),
  cacheReadTokens: count.describe('Prompt tokens read from the cache'),
  cacheWriteTokens: count.describe('Prompt tokens written to the cache with a 5 minute TTL'),
  cacheWrite1hTokens: count.describe('Prompt tokens written to the cache with a 1 hour TTL'),
  unpricedRequests: count.describe('Successful responses with no known price'),
  costUsd: z.number().nonnegative().nullable().describe('Cost in USD; null when any response could not be priced'),
  pricedCostUsd: z.number().nonnegative().describe('Cost of the responses that could be priced'),
});

/** `rad stats daily|weekly|monthly --json`. */
export const periodsJsonSchema = z.object({
  timezone: z.string().describe('IANA time zone of the periods'),
  unit: z.enum(['day', 'week', 'month']),
  weekStart: z.enum(['monday', 'sunday']).optional().describe('First day of a week (weekly only)'),
  periods: z
    .array(
      periodUsageJsonSchema.extend({
        period: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).describe('First day of the period (YYYY-MM-DD), or YYYY-MM for a month'),
        sessions: count.describe('Sessions that started in the period'),
        models: z.array(periodUsageJsonSchema.extend({ model: z.string() })).describe("Each model's part, highest cost first"),
      }),
    )
    .describe('Oldest first; periods with no session and no request are left out'),
  total: periodUsageJsonSchema.extend({ sessions: count }).nullable().describe('Sum over the periods; null when no session matched'),
});

/** A day of `rad stats calendar --json`, or (without date and level) its total. */
const calendarDayFields = {
  value: z.number().nonnegative().describe('The metric: pricedCostUsd, tokens or sessions'),
  sessions: count.describe('Sessions that started that day'),
  tokens: count.describe('Input, output, cache read and cache write tokens of the responses that completed that day'),
  costUsd: z.number().nonnegative().nullable().describe('Cost in USD; null when any response could not be priced'),
  pricedCostUsd: z.number().nonnegative().describe('Cost of the responses that could be priced'),
};

/** `rad stats calendar --json`. */
export const calendarJsonSchema = z.object({
  timezone: z.string().describe('IANA time zone of the days'),
  weekStart: z.enum(['monday', 'sunday']).describe('First day of a week (the top row)'),
  metric: z.enum(['cost', 'tokens', 'sessions']).describe('What shades each day'),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('First day of the grid: the first day of its first week'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("Last day of the grid: --until's day, or today"),
  levels: z.array(z.number().nonnegative().nullable()).length(4).describe('Highest value of each shade from 1 (least) to 4 (most); null for a shade no day has'),
  days: z
    .array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), level: z.number().int().min(0).max(4).describe('0: nothing; 1-4: quarter of the rank among days with anything'), ...calendarDayFields }))
    .describe('Every day from `from` to `to`, oldest first; empty when no session matched the filters'),
  total: z
    .object({ ...calendarDayFields, activeDays: count.describe('Days with a value above zero'), unpricedRequests: count.describe('Successful responses with no known price') })
    .nullable()
    .describe('Sum over the days; null when no session matched the filters'),
});

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

/** `rad stats export --format otlp --json`: what was sent. */
export const otlpExportResultJsonSchema = z.object({
  endpoint: z.string().describe('The URL the spans were posted to, without credentials or query'),
  protocol: z.enum(['http/protobuf', 'http/json']),
  sessions: z.number().int().nonnegative().describe('Sessions sent, one trace each'),
  spans: z.number().int().nonnegative().describe('Spans sent: a root span per session, a span per API response or error and per tool call'),
});

/** `rad init --json`. */
export const initJsonSchema = z.object({
  root: z.string().describe('Absolute workspace root'),
  created: z.boolean().describe('false when the workspace already existed'),
  global: z.boolean().describe('true for `rad init --global` (the user-level workspace in $RADIUM_HOME or the home folder)'),
  gitignore: z
    .object({
      file: z.string().describe("The workspace's .gitignore"),
      outcome: z
        .enum(['added', 'present', 'skipped'])
        .describe('added: .radium/_internals/ was appended (the file created when absent); present: a line already ignored it; skipped: not a regular file, left alone'),
    })
    .describe('How .radium/_internals/ (session files, the stats store) is kept out of git; .radium/stats.config.json stays shareable; absent under --global')
    .optional(),
  autoImport: z
    .array(z.string())
    .describe('Under --global, when the workspace was created: the agents whose log folders exist on this machine, written to `import.auto` in its config')
    .optional(),
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

/** `rad stats dashboard --json`. */
export const dashboardResultJsonSchema = z.object({
  output: z.string().nullable().describe('Absolute path of the HTML file written; null when no session matched the filters and nothing was written'),
  sessions: count.describe('Sessions the dashboard covers'),
  bytes: count.describe('Size of the file written, in bytes'),
});

/** What a group of `--by` is, in the team views' JSON. */
const teamGroup = {
  by: z.enum(['developer', 'project', 'agent']).describe('What the views are grouped by (--by)'),
  value: z.string().nullable().describe('The developer, project or agent of this group; null for sessions without one'),
};

/** `rad stats model|engine|daily|weekly|monthly --warehouse --by … --json`: one entry per group, each the view's own JSON. */
export const teamGroupsJsonSchema = z.object({
  groups: z
    .array(z.union([modelJsonSchema.extend(teamGroup), engineJsonSchema.extend(teamGroup), periodsJsonSchema.extend(teamGroup)]))
    .describe('One per value of --by among the selected sessions, by value (null last); grouped in ClickHouse'),
});

/** Published schema files: file name → schema and title. */
export const publishedSchemas = {
  'session.schema.json': { schema: sessionJsonSchema, title: 'rad stats session --json (and rad session end --json)' },
  'history.schema.json': { schema: historyJsonSchema, title: 'rad stats history --json' },
  'compare.schema.json': { schema: compareJsonSchema, title: 'rad stats compare --json' },
  'model.schema.json': { schema: modelJsonSchema, title: 'rad stats model --json' },
  'engine.schema.json': { schema: engineJsonSchema, title: 'rad stats engine --json' },
  'periods.schema.json': { schema: periodsJsonSchema, title: 'rad stats daily|weekly|monthly --json' },
  'calendar.schema.json': { schema: calendarJsonSchema, title: 'rad stats calendar --json' },
  'export.schema.json': { schema: exportJsonSchema, title: 'rad stats export' },
  'export-result.schema.json': { schema: exportResultJsonSchema, title: 'rad stats export --output FILE --json' },
  'otlp-export-result.schema.json': { schema: otlpExportResultJsonSchema, title: 'rad stats export --format otlp --json' },
  'dashboard-result.schema.json': { schema: dashboardResultJsonSchema, title: 'rad stats dashboard --json' },
  'init.schema.json': { schema: initJsonSchema, title: 'rad init --json' },
  'session-start.schema.json': { schema: sessionStartJsonSchema, title: 'rad session start --json' },
  'session-record.schema.json': { schema: sessionRecordJsonSchema, title: 'rad session record --json' },
  'error.schema.json': { schema: errorJsonSchema, title: 'rad <command> --json on failure' },
  'team-groups.schema.json': { schema: teamGroupsJsonSchema, title: 'rad stats model|engine|daily|weekly|monthly --warehouse --by … --json' },
} as const;

export type HistoryJson = z.infer<typeof historyJsonSchema>;
export type CompareJson = z.infer<typeof compareJsonSchema>;
export type ExportResultJson = z.infer<typeof exportResultJsonSchema>;
export type OtlpExportResultJson = z.infer<typeof otlpExportResultJsonSchema>;
export type DashboardResultJson = z.infer<typeof dashboardResultJsonSchema>;
export type InitJson = z.infer<typeof initJsonSchema>;
export type SessionStartJson = z.infer<typeof sessionStartJsonSchema>;
export type SessionRecordJson = z.infer<typeof sessionRecordJsonSchema>;
