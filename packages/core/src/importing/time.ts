import { MAX_DURATION_MS } from '../ceilings.js';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A record's time as ISO 8601 (UTC, `toISOString` form, so times compare as strings), or undefined when it is missing or not a date. */
export function toIsoTime(value: unknown): string | undefined {
  // Most agents already write this exact form; checking it is much cheaper than parsing.
  if (typeof value === 'string' && value.length === 24 && CANONICAL.test(value) && Number.isFinite(Date.parse(value))) return value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  return new Date(ms).toISOString();
}

/**
 * Milliseconds from `from` to `to` (ISO times), or undefined when either is missing, the order is
 * reversed or the gap is above the event ceiling (a session resumed weeks later): the duration is
 * then unknown, and the event is kept rather than rejected.
 */
export function elapsedMs(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}
