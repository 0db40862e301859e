/** Where a session sits in history: start time in ms, then its file id to break ties. */
export type SessionKey = readonly [startMs: number, id: string];

/** Sorts newest first: later start first, then the larger id, so the order is total and stable. */
export function compareNewestFirst(a: SessionKey, b: SessionKey): number {
  if (a[0] !== b[0]) return b[0] - a[0];
  return a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0;
}

/** The key of a session from its file id and start time (ISO). */
export function sessionKey(id: string, startTime: string): SessionKey {
  const ms = Date.parse(startTime);
  return [Number.isNaN(ms) ? 0 : ms, id];
}
