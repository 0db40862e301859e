import { z } from 'zod';
import { truncateText } from '../format/truncate.js';

/** Longest name stored in an event (model, engine, tool name, agent, host, request and agent ids), in UTF-16 units. */
export const MAX_NAME_CHARS = 1_000;
/** Longest path stored in an event (`workspace`, `file.edit` path). */
export const MAX_PATH_CHARS = 4_096;
/** Longest error message stored in an event. */
export const MAX_MESSAGE_CHARS = 10_000;

/**
 * A string field stored at most `max` long: a longer value is cut to its start plus `…(N chars)`
 * rather than rejected, so a recorder never loses a whole event (and its tokens) to one long name.
 */
export function bounded(schema: z.ZodString, max: number): z.ZodString {
  return schema.overwrite((value) => truncateText(value, max));
}
