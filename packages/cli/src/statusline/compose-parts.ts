import type { StatusInput } from './input.js';
import type { StatusParts } from './render.js';
import type { StatusUsage } from './usage.js';

/** What the store says of this session and of today; each absent when it does not know. */
export interface StoredFigures {
  session?: StatusUsage;
  today?: StatusUsage;
}

/** The line's parts: the store's figures where it has them, Claude Code's own (its session cost, its limits) otherwise. */
export function composeParts(input: StatusInput, stored: StoredFigures): StatusParts {
  const parts: StatusParts = {};
  if (input.model !== undefined) parts.model = input.model;
  const session = stored.session ?? (input.costUsd !== undefined ? { costUsd: input.costUsd, complete: true } : undefined);
  if (session) parts.session = session;
  if (stored.today) parts.today = stored.today;
  if (stored.session?.hitRate !== undefined) parts.cache = { rate: stored.session.hitRate, of: 'session' };
  else if (stored.today?.hitRate !== undefined) parts.cache = { rate: stored.today.hitRate, of: 'today' };
  if (input.fiveHourPercent !== undefined) parts.fiveHourPercent = input.fiveHourPercent;
  if (input.sevenDayPercent !== undefined) parts.sevenDayPercent = input.sevenDayPercent;
  return parts;
}
