import { UsageError } from '@radium-stats/core';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter of wall-clock parts in `zone` (cached: building one costs more than using it). */
function wallClock(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, format);
  }
  return format;
}

/** The system's IANA time zone (`TZ`, else the machine's setting). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The canonical name of an IANA time zone; a UsageError naming `flag` when there is no such zone. */
export function checkTimeZone(zone: string, flag = '--timezone'): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(`${flag}: ${JSON.stringify(zone)} is not an IANA time zone (for example Europe/Paris, America/New_York or UTC).`);
  }
}

/** How far `zone`'s wall clock is ahead of UTC at instant `ms`, in ms (negative west of Greenwich). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const parts = Object.fromEntries(wallClock(zone).formatToParts(new Date(ms)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!, parts['second']!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant at which `zone`'s wall clock reads the given local time (the later one when a clock change skips it). */
export function zonedTimeMs(zone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Two passes: the offset at the first guess can differ from the offset at the answer near a change.
  const first = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(first, zone);
}

/** The calendar date (year, month 1-12, day) at instant `ms` in `zone`. */
export function zonedDate(ms: number, zone: string): { year: number; month: number; day: number } {
  const wall = new Date(ms + zoneOffsetMs(ms, zone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** `2026-11-03 14:05`: the wall-clock date and time at instant `ms` in `zone`. */
export function formatLocalTime(ms: number, zone: string): string {
  const wall = new Date(ms + zoneOffsetMs(ms, zone));
  return wall.toISOString().slice(0, 16).replace('T', ' ');
}
