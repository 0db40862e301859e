import { z } from 'zod';

const count = z.number().int().nonnegative();
const ms = z.number().nonnegative().finite();

/** Totals of one tool (by the `name` of its `tool.call` events). */
export const toolStatsSchema = z.object({
  name: z.string().min(1).describe('Tool name as the agent reported it'),
  calls: count.describe('Calls of this tool'),
  succeeded: count.describe('Calls that succeeded'),
  failed: count.describe('Calls that failed'),
  timedCalls: count.describe('Calls that carried a duration'),
  totalDurationMs: ms.nullable().describe('Sum of the durations of the timed calls; null when none was timed'),
});

/** How often the user decided each way on a tool call. */
export const decisionCountsSchema = z.object({
  accept: count,
  reject: count,
  modify: count,
  autoAccept: count,
});

/** The `tools` section of a session report (or of many sessions merged). */
export const toolsSectionSchema = z.object({
  calls: count.nullable().describe('Tool calls; null when the source did not record them'),
  succeeded: count.describe('Calls with a known outcome that succeeded'),
  failed: count.describe('Calls with a known outcome that failed'),
  callsReason: z.string().nullable().describe('Why `calls` is null'),
  unrecordedSessions: count.describe('Merged sessions whose tool calls were not recorded and are not in the counts'),
  timedCalls: count.describe('Calls that carried a duration'),
  totalDurationMs: ms.nullable().describe('Sum of the durations of the timed calls; null when calls were made and none was timed'),
  durationReason: z.string().nullable().describe('Why `totalDurationMs` is null'),
  tools: z.array(toolStatsSchema).describe('Per tool, most calls first, then by name'),
  toolsOmitted: z.boolean().describe('True when the per-tool list was dropped to keep the summary index small'),
  decisions: decisionCountsSchema.nullable().describe('User decisions on tool calls; null when not recorded'),
  decisionsReason: z.string().nullable().describe('Why `decisions` is null'),
});

/** Totals of one tool. */
export type ToolStats = z.infer<typeof toolStatsSchema>;
/** Decision counts. */
export type DecisionCounts = z.infer<typeof decisionCountsSchema>;
/** The `tools` section. */
export type ToolsSection = z.infer<typeof toolsSectionSchema>;

/** Why durations are missing when events carry none. */
export const DURATIONS_NOT_RECORDED = 'tool durations not recorded by the source';
