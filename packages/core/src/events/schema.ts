import { z } from 'zod';
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS, bounded } from './bounds.js';
import { MAX_DURATION_MS, MAX_EDIT_LINES, MAX_PID, MAX_TOKENS } from '../ceilings.js';

/** Version of the event protocol described by these schemas. */
export const EVENT_PROTOCOL_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true, local: false }).describe('ISO 8601 time the event completed');
const ceiling = (max: number, unit: string) => `above the ceiling of ${max} ${unit}: the value is corrupt`;
const tokenCount = z.number().int().nonnegative().max(MAX_TOKENS, ceiling(MAX_TOKENS, 'tokens'));
const lines = z.number().int().nonnegative().max(MAX_EDIT_LINES, ceiling(MAX_EDIT_LINES, 'lines'));
const durationMs = z
  .number()
  .nonnegative()
  .max(MAX_DURATION_MS, ceiling(MAX_DURATION_MS, 'ms (30 days)'))
  .describe('How long the timed work took, in milliseconds');

/** Fields every event carries. */
export const eventBaseSchema = z.object({
  type: z.string().min(1).describe('Event type; third parties use a namespace, e.g. `acme.deploy`'),
  ts: isoTime,
});

/** Token counts of one API response; buckets are disjoint and missing buckets are 0. */
export const tokenCountsSchema = z
  .object({
    input: tokenCount.default(0).describe('Uncached prompt tokens only'),
    output: tokenCount.default(0).describe('Generated tokens, reasoning included'),
    cacheRead: tokenCount.default(0).describe('Prompt tokens read from the cache'),
    cacheWrite: tokenCount.default(0).describe('Prompt tokens written to the cache with a 5 minute TTL'),
    cacheWrite1h: tokenCount.default(0).describe('Prompt tokens written to the cache with a 1 hour TTL'),
    reasoning: tokenCount.default(0).describe('Reasoning tokens, already counted in output (informational)'),
  })
  .strict();

/** A session begins. */
export const sessionStartSchema = eventBaseSchema.extend({
  type: z.literal('session.start'),
  sessionId: z.string().min(1),
  workspace: bounded(z.string().min(1), MAX_PATH_CHARS).describe('Absolute path of the workspace the agent works in'),
  agent: bounded(z.string(), MAX_NAME_CHARS).optional().describe('Name of the agent runtime, e.g. `radium`, `claude-code`'),
  pid: z.number().int().positive().max(MAX_PID, ceiling(MAX_PID, '(largest process id)')).optional().describe('Process id of the recorder, used to tell live sessions from crashed ones'),
  host: bounded(z.string(), MAX_NAME_CHARS).optional().describe('Host name of the recorder, with pid'),
  pidStartedAt: z.iso
    .datetime({ offset: true, local: false })
    .optional()
    .describe('When the recorder process started (ISO 8601), with pid: a later process that got the same pid is not the recorder'),
  meta: z.record(z.string(), z.unknown()).optional(),
});

/** One successful model API response. */
export const apiResponseSchema = eventBaseSchema.extend({
  type: z.literal('api.response'),
  model: bounded(z.string().min(1), MAX_NAME_CHARS),
  engine: bounded(z.string().min(1), MAX_NAME_CHARS).describe('Provider backend, e.g. `gemini`, `claude`, `openai`'),
  durationMs: durationMs.optional().describe('Response latency; absent when the source did not record it'),
  tokens: tokenCountsSchema.default({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 }),
  requestId: bounded(z.string(), MAX_NAME_CHARS).optional().describe('Provider request id, for de-duplication by importers'),
  agentId: bounded(z.string(), MAX_NAME_CHARS).optional().describe('Subagent that made the request, when not the main agent'),
});

/** One failed model API request. */
export const apiErrorSchema = eventBaseSchema.extend({
  type: z.literal('api.error'),
  model: bounded(z.string().min(1), MAX_NAME_CHARS),
  engine: bounded(z.string().min(1), MAX_NAME_CHARS),
  durationMs: durationMs.optional(),
  error: bounded(z.string(), MAX_MESSAGE_CHARS),
});

/** How the user decided on a tool call. */
export const toolDecisionSchema = z.enum(['accept', 'reject', 'modify', 'auto_accept']);

/** One finished tool call. */
export const toolCallSchema = eventBaseSchema.extend({
  type: z.literal('tool.call'),
  name: bounded(z.string().min(1), MAX_NAME_CHARS),
  durationMs: durationMs.optional(),
  success: z.boolean(),
  decision: toolDecisionSchema.optional(),
  error: bounded(z.string(), MAX_MESSAGE_CHARS).optional(),
});

/** Lines an edit changed in one file. */
export const fileEditSchema = eventBaseSchema.extend({
  type: z.literal('file.edit'),
  path: bounded(z.string().min(1), MAX_PATH_CHARS),
  added: lines,
  removed: lines,
});

/** The session ended cleanly. */
export const sessionEndSchema = eventBaseSchema.extend({
  type: z.literal('session.end'),
});

/** Every event type the core knows, keyed by type. */
export const knownEventSchemas = {
  'session.start': sessionStartSchema,
  'api.response': apiResponseSchema,
  'api.error': apiErrorSchema,
  'tool.call': toolCallSchema,
  'file.edit': fileEditSchema,
  'session.end': sessionEndSchema,
} as const;

/** A known event, validated. */
export const knownEventSchema = z.discriminatedUnion('type', [
  sessionStartSchema,
  apiResponseSchema,
  apiErrorSchema,
  toolCallSchema,
  fileEditSchema,
  sessionEndSchema,
]);

/** An event of a namespaced type the core does not know; kept whole and passed to collectors. */
export const customEventSchema = eventBaseSchema
  .extend({
    type: z
      .string()
      // The lookahead keeps a malformed core event from passing as a custom one (here and in the JSON Schema).
      .regex(
        /^(?!(?:session\.start|session\.end|api\.response|api\.error|tool\.call|file\.edit)$)[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+$/i,
        'custom event types need a namespace, e.g. `acme.deploy`',
      ),
  })
  .loose();

export type TokenCounts = z.infer<typeof tokenCountsSchema>;
export type SessionStartEvent = z.infer<typeof sessionStartSchema>;
export type ApiResponseEvent = z.infer<typeof apiResponseSchema>;
export type ApiErrorEvent = z.infer<typeof apiErrorSchema>;
export type ToolDecision = z.infer<typeof toolDecisionSchema>;
export type ToolCallEvent = z.infer<typeof toolCallSchema>;
export type FileEditEvent = z.infer<typeof fileEditSchema>;
export type SessionEndEvent = z.infer<typeof sessionEndSchema>;
export type KnownEvent = z.infer<typeof knownEventSchema>;
/** An event of a type outside the core protocol (`acme.deploy`), with whatever fields it carries. */
export interface CustomEvent {
  type: string;
  ts: string;
  [field: string]: unknown;
}
/** Any event a collector may receive. */
export type SessionEvent = KnownEvent | CustomEvent;
/** The input form of a known event: buckets and defaults may be left out. */
export type KnownEventInput = z.input<typeof knownEventSchema>;
