import type { ToolStats } from './section.js';

/** Most calls first, then by name, so equal counts come out the same way every run. */
export function byCallsThenName(a: ToolStats, b: ToolStats): number {
  return b.calls - a.calls || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
