/** `--since` as people typed it: the local date when it is a local midnight (what `YYYY-MM-DD` gives), else the ISO time. */
function sinceText(since: Date): string {
  const midnight = since.getHours() === 0 && since.getMinutes() === 0 && since.getSeconds() === 0 && since.getMilliseconds() === 0;
  if (!midnight) return since.toISOString();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${since.getFullYear()}-${pad(since.getMonth() + 1)}-${pad(since.getDate())}`;
}

/** Skip reason of a session none of whose records is at or after `--since`. */
export function sinceSkipReason(since: Date): string {
  return `no records since ${sinceText(since)}`;
}

/**
 * True when a session whose last record is at `lastTs` (ISO) lies wholly before `--since`. Only the
 * records' own times decide: a file's modification time says nothing once logs are copied, restored
 * or touched.
 */
export function whollyBefore(lastTs: string, since: Date): boolean {
  return Date.parse(lastTs) < since.getTime();
}
