import { z } from 'zod';
import { MAX_LEGACY_SESSION_USD } from '../ceilings.js';

/** A legacy cost in USD: finite, and at most what no one session could cost. */
const legacyUsd = z.number().nonnegative().max(MAX_LEGACY_SESSION_USD, `above the ceiling of ${MAX_LEGACY_SESSION_USD} USD a session`);

/** A Rust `Duration` as serde writes it. */
export const legacyDurationSchema = z.object({ secs: z.number().int().nonnegative(), nanos: z.number().int().nonnegative() });

/** Per-model or per-engine usage in a legacy report. */
export const legacyUsageSchema = z.object({
  requests: z.number().int().nonnegative().default(0),
  input_tokens: z.number().int().nonnegative().default(0),
  output_tokens: z.number().int().nonnegative().default(0),
  cached_tokens: z.number().int().nonnegative().default(0),
  estimated_cost: legacyUsd.default(0),
});

/** The `metrics` object of a report written by the original Radium (schema version 0). */
export const legacyMetricsSchema = z.object({
  session_id: z.string().min(1),
  start_time: z.string(),
  end_time: z.string().nullable().optional(),
  wall_time: legacyDurationSchema.optional(),
  agent_active_time: legacyDurationSchema.optional(),
  api_time: legacyDurationSchema.optional(),
  tool_time: legacyDurationSchema.optional(),
  tool_calls: z.number().int().nonnegative().default(0),
  successful_tool_calls: z.number().int().nonnegative().default(0),
  failed_tool_calls: z.number().int().nonnegative().default(0),
  tool_approvals_allowed: z.number().int().nonnegative().default(0),
  tool_approvals_denied: z.number().int().nonnegative().default(0),
  tool_approvals_asked: z.number().int().nonnegative().default(0),
  lines_added: z.number().int().nonnegative().default(0),
  lines_removed: z.number().int().nonnegative().default(0),
  model_usage: z.record(z.string(), legacyUsageSchema).default({}),
  engine_usage: z.record(z.string(), legacyUsageSchema).default({}),
  total_cached_tokens: z.number().int().nonnegative().default(0),
  total_cache_creation_tokens: z.number().int().nonnegative().default(0),
  total_cache_read_tokens: z.number().int().nonnegative().default(0),
  total_cost: legacyUsd.default(0),
});

/** A whole legacy report file. */
export const legacyReportSchema = z.object({
  metrics: legacyMetricsSchema,
  generated_at: z.string().optional(),
});

export type LegacyDuration = z.infer<typeof legacyDurationSchema>;
export type LegacyUsage = z.infer<typeof legacyUsageSchema>;
/** Metrics of a legacy report; tool counters, approvals and cache totals of zero mean "not measured". */
export type LegacyMetrics = z.infer<typeof legacyMetricsSchema>;

/** Milliseconds in a legacy duration. */
export function legacyDurationMs(d: LegacyDuration | undefined): number | null {
  return d ? d.secs * 1000 + d.nanos / 1e6 : null;
}
