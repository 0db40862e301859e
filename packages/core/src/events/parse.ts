import { z } from 'zod';
import { InvalidEventError } from '../errors.js';
import { customEventSchema, knownEventSchemas, type SessionEvent } from './schema.js';

const known = knownEventSchemas as Record<string, z.ZodType<SessionEvent>>;

/** Turns the first zod issue into a short phrase such as `tokens.input: expected number`. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Told of each string field that was longer than its stored maximum and was cut: its name and full length. */
export type OnFieldCut = (field: string, length: number) => void;

/** Reports the top-level string fields the schema cut (see events/bounds.ts). */
function reportCuts(input: Record<string, unknown>, output: Record<string, unknown>, onCut: OnFieldCut): void {
  for (const [field, stored] of Object.entries(output)) {
    const given = input[field];
    if (typeof stored === 'string' && typeof given === 'string' && stored !== given) onCut(field, given.length);
  }
}

/** Validates one event object; known types get their schema, namespaced types pass through whole. Over-long names are cut (see `onCut`). */
export function parseEvent(value: unknown, onCut?: OnFieldCut): SessionEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidEventError('event must be a JSON object');
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') throw new InvalidEventError('event has no string `type`');
  const schema = known[type] ?? customEventSchema;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InvalidEventError(`${type} event is invalid (${describeZodError(result.error)})`);
  }
  if (onCut) reportCuts(value as Record<string, unknown>, result.data as Record<string, unknown>, onCut);
  return result.data as SessionEvent;
}

/** Parses one journal line; throws InvalidEventError for bad JSON or a bad event. */
export function parseEventLine(line: string, onCut?: OnFieldCut): SessionEvent {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InvalidEventError('line is not valid JSON');
  }
  return parseEvent(value, onCut);
}

/** True when the event is one of the core protocol's types. */
export function isKnownEventType(type: string): boolean {
  return Object.hasOwn(knownEventSchemas, type);
}
