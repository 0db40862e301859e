import path from 'node:path';
import { Flags } from '@oclif/core';
import { UsageError, escapeTerminal, type StoreFilter } from '@radium-stats/core';
import { parseTimeFlag } from './parse-time.js';
import { checkTimeZone, systemTimeZone } from './time-zone.js';

/** Flags that narrow an aggregate view or a session list; they combine with AND. */
export const filterFlags = {
  since: Flags.string({
    description: 'Only what happened from this date on (YYYY-MM-DD in --timezone, or an ISO date-time): facts by their own time, sessions by their start.',
    helpValue: 'DATE',
  }),
  until: Flags.string({ description: 'Only what happened up to this date (inclusive) or before this ISO date-time.', helpValue: 'DATE' }),
  timezone: Flags.string({ description: "IANA time zone of --since and --until dates (default: the system's).", helpValue: 'ZONE' }),
  agent: Flags.string({ description: 'Only sessions of this agent.', helpValue: 'NAME' }),
  source: Flags.string({ description: 'Only sessions from this source: live, legacy, or an importer (claude-code, codex, gemini, ...).', helpValue: 'SOURCE' }),
  project: Flags.string({ description: 'Only sessions whose project is this folder or inside it.', helpValue: 'DIR' }),
  model: Flags.string({ description: 'Only facts of this model (exact name; repeat the flag for several).', helpValue: 'MODEL', multiple: true }),
};

/** Values of the filter flags as oclif parses them. */
export interface FilterFlagValues {
  since?: string | undefined;
  until?: string | undefined;
  timezone?: string | undefined;
  agent?: string | undefined;
  source?: string | undefined;
  project?: string | undefined;
  model?: string[] | undefined;
  /** One session, which takes no filters. */
  'session-id'?: string | undefined;
}

/** A parsed filter: what the store selects by, and the words that tell a user which filters applied. */
export interface ParsedFilter {
  filter: StoreFilter;
  /** One phrase per filter that applied (`since 2026-11-01`, `agent "claude"`), empty when none did. */
  applied: string[];
  /** The time zone of dates: --timezone, else the system's (UTC when nothing needed a zone). */
  timeZone: string;
}

/**
 * Turns the filter flags into a store filter; a bad date, zone or source is a UsageError naming its
 * flag. `sources` lists the sources a session can have (checked only when --source is given).
 */
export async function parseFilterFlags(flags: FilterFlagValues, sources: () => Promise<readonly string[]>, cwd = process.cwd(), zoned = false): Promise<ParsedFilter> {
  // Looked up only when dates need it (`zoned`: a view of calendar periods always does): the first Intl call costs a view about 20 ms.
  const dated = zoned || flags.since !== undefined || flags.until !== undefined;
  const timeZone = flags.timezone !== undefined ? checkTimeZone(flags.timezone) : dated ? systemTimeZone() : 'UTC';
  const filter: StoreFilter = {};
  const applied: string[] = [];
  const quote = (value: string) => escapeTerminal(JSON.stringify(value));
  if (flags.since !== undefined) {
    filter.sinceMs = parseTimeFlag('--since', flags.since, timeZone);
    applied.push(`since ${escapeTerminal(flags.since)}`);
  }
  if (flags.until !== undefined) {
    filter.untilMs = parseTimeFlag('--until', flags.until, timeZone, true);
    applied.push(`until ${escapeTerminal(flags.until)}`);
  }
  if (filter.sinceMs !== undefined && filter.untilMs !== undefined && filter.untilMs <= filter.sinceMs) {
    throw new UsageError(`--until (${flags.until}) is not after --since (${flags.since}): nothing can be in between.`);
  }
  if (applied.length > 0) applied[applied.length - 1] += ` (${timeZone})`;
  if (flags.agent !== undefined) (filter.agent = flags.agent), applied.push(`agent ${quote(flags.agent)}`);
  if (flags.source !== undefined) {
    const known = await sources();
    if (!known.includes(flags.source)) throw new UsageError(`--source: ${JSON.stringify(flags.source)} is not a source; use one of ${known.join(', ')}.`);
    filter.source = flags.source;
    applied.push(`source ${flags.source}`);
  }
  if (flags.project !== undefined) {
    filter.project = path.resolve(cwd, flags.project);
    applied.push(`project ${quote(filter.project)}`);
  }
  if (flags.model !== undefined && flags.model.length > 0) {
    filter.models = flags.model;
    applied.push(`model ${flags.model.map(quote).join(' or ')}`);
  }
  if (flags['session-id'] !== undefined && applied.length > 0) {
    throw new UsageError('--session-id names one whole session: it does not take --since, --until, --agent, --source, --project or --model.');
  }
  return { filter, applied, timeZone };
}

/** The line that says no session matched the filters. */
export function noMatch(applied: readonly string[]): string {
  return `No sessions match these filters: ${applied.join(', ')}.`;
}

/** The line that says which filters applied, or undefined when none did. */
export function describeFilters(applied: readonly string[]): string | undefined {
  return applied.length === 0 ? undefined : `Filters: ${applied.join(', ')}.`;
}
