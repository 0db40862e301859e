import { createHash } from 'node:crypto';

/** Hex digest of `text`, cut to `hexChars`; an all-zero id is invalid in OTLP, so one (odds 2^-64) gets its last digit set. */
function idOf(text: string, hexChars: number): string {
  const id = createHash('sha256').update(text).digest('hex').slice(0, hexChars);
  return /^0+$/.test(id) ? `${id.slice(0, -1)}1` : id;
}

/** The trace id of a session (32 hex digits): the same on every export, so a backend sees a re-export as the same trace. */
export function traceIdOf(sessionId: string): string {
  return idOf(`rad.trace\u0000${sessionId}`, 32);
}

/** The span id of a session's root `invoke_agent` span. */
export function rootSpanIdOf(sessionId: string): string {
  return idOf(`rad.span\u0000${sessionId}\u0000session`, 16);
}

/** The span id of the span made from the session's `index`-th journal event (0-based, valid events only). */
export function eventSpanIdOf(sessionId: string, index: number): string {
  return idOf(`rad.span\u0000${sessionId}\u0000event\u0000${index}`, 16);
}
