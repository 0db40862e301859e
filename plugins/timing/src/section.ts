import { z } from 'zod';

const count = z.number().int().nonnegative();

/** A duration that may not be known: `ms` is null exactly when `reason` says why. */
export const measuredDurationSchema = z.object({
  ms: z.number().nonnegative().finite().nullable().describe('Milliseconds; null when it cannot be known'),
  reason: z.string().nullable().describe('Why `ms` is null'),
  unrecordedSessions: count.describe('Merged sessions whose value was not known and is not in `ms`'),
});

/** A sum of event durations, with how many events carried one. */
export const timedSumSchema = measuredDurationSchema.extend({
  timed: count.describe('Events that carried a duration (in the sum)'),
  untimed: count.describe('Events without a duration (not in the sum)'),
});

/** The `timing` section of a session report (or of many sessions merged). */
export const timingSectionSchema = z.object({
  sessions: count.describe('Sessions in this section (1 for one session)'),
  liveSessions: count.describe('Sessions still running when folded; their wall time runs to the fold time'),
  wallTime: measuredDurationSchema.describe('Session start to end, or to the fold time for a live session'),
  apiTime: timedSumSchema.describe('Sum of API request durations, failed requests included'),
  toolTime: timedSumSchema.describe('Sum of tool call durations'),
  agentActive: measuredDurationSchema.describe('API time + tool time'),
  busyTime: measuredDurationSchema.describe('Length of the union of all timed intervals, within the wall time'),
});

/** A duration that may not be known. */
export type MeasuredDuration = z.infer<typeof measuredDurationSchema>;
/** A sum of event durations. */
export type TimedSum = z.infer<typeof timedSumSchema>;
/** The `timing` section. */
export type TimingSection = z.infer<typeof timingSectionSchema>;

/** Why API time is unknown when no request carried a latency (imported transcripts, say). */
export const API_NOT_RECORDED = 'API latency not recorded by the source';
/** Why tool time is unknown when no call carried a duration. */
export const TOOL_NOT_RECORDED = 'tool durations not recorded by the source';
/** Why busy time is unknown when no request or call carried a duration. */
export const BUSY_NOT_RECORDED = 'durations not recorded by the source';
