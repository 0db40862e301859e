// A text cut once (when stored) carries its original length; cutting it again keeps that length.
const MARKER = /…\((\d+) chars\)$/;

/**
 * Cuts text longer than `max` UTF-16 units to its start plus `…(N chars)`, N being the full length,
 * so the result is at most `max` long (e.g. `aaaa…(1048576 chars)`). Text already cut this way keeps
 * the N it recorded. Shorter text comes back unchanged.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const recorded = MARKER.exec(text.slice(-32));
  const full = recorded && Number(recorded[1]) > text.length ? Number(recorded[1]) : text.length;
  const tail = `…(${full} chars)`;
  let head = text.slice(0, Math.max(0, max - tail.length));
  // Never leave half of a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return head + tail;
}
