import { z } from 'zod';

/** Report schema version this code writes and the newest it reads. */
export const REPORT_SCHEMA_VERSION = 1;

/** Where a report's events came from. */
export const reportSourceSchema = z.string().min(1).describe('`journal`, `legacy-radium` or `import:<agent>`');

/** Which price data priced a session: what tells whether it needs re-pricing after the price data or the overrides changed. */
export const reportPricingSchema = z.object({
  dataVersion: z.string().describe("The table's version, plus a hash of the overrides that priced the session's models"),
  models: z.array(z.object({ engine: z.string(), model: z.string() })).describe('The models its requests were priced for, with their engines'),
});

/** A session report file, `.radium/_internals/sessions/<id>.json`. */
export const sessionReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  sessionId: z.string().min(1),
  agent: z.string().optional(),
  workspace: z.string().optional(),
  startTime: z.iso.datetime({ offset: true }),
  endTime: z.iso.datetime({ offset: true }).nullable(),
  status: z.enum(['ended', 'live', 'abandoned']),
  source: reportSourceSchema,
  generatedAt: z.iso.datetime({ offset: true }),
  plugins: z.array(z.string()).describe('Ids of the plugins that produced the sections'),
  sections: z.record(z.string(), z.unknown()).describe('One section per plugin, keyed by plugin id'),
  facts: z
    .record(z.string(), z.record(z.string(), z.array(z.looseObject({ bucket: z.number().int() }))))
    .optional()
    .describe("Typed fact rows per plugin (API 2) and table: `bucket` (epoch ms of the row's 15-minute bucket) and the table's columns"),
  pricing: reportPricingSchema.optional().describe('Set when the session was priced: a change of price data or overrides that applies to its models has it re-priced from its journal'),
  eventCount: z.number().int().nonnegative().optional(),
  skippedLines: z.number().int().nonnegative().optional(),
});

/** Which price data priced a session. */
export type ReportPricing = z.infer<typeof reportPricingSchema>;
/** A validated session report. */
export type SessionReport = z.infer<typeof sessionReportSchema>;
