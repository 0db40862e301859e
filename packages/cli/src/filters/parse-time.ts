import { UsageError } from '@radium-stats/core';
import { zonedTimeMs } from './time-zone.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** True when y-m-d is a real calendar date. */
function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * An instant from a time flag: a date (`2026-11-03`, its first moment in `zone`; with `endOfDay`,
 * the first moment of the next day, so that an --until date counts whole), a local date-time
 * (`2026-11-03T14:00`, in `zone`) or an ISO date-time with an offset (`2026-11-03T14:00:00Z`).
 */
export function parseTimeFlag(flag: string, value: string, zone: string, endOfDay = false): number {
  const bad = () =>
    new UsageError(`${flag}: ${JSON.stringify(value)} is not a date (YYYY-MM-DD) or an ISO date-time (YYYY-MM-DDTHH:MM, with an optional offset such as Z or +02:00).`);
  const date = DATE.exec(value);
  if (date) {
    const [year, month, day] = date.slice(1).map(Number) as [number, number, number];
    if (!realDate(year, month, day)) throw bad();
    return zonedTimeMs(zone, year, month, day + (endOfDay ? 1 : 0));
  }
  if (OFFSET.test(value) && value.includes('T')) {
    const ms = Date.parse(value);
    if (Number.isNaN(ms) || !realDate(...(value.slice(0, 10).split('-').map(Number) as [number, number, number]))) throw bad();
    return ms;
  }
  const local = LOCAL_DATE_TIME.exec(value);
  if (!local) throw bad();
  const [year, month, day, hour, minute, second = 0, ms = 0] = local.slice(1).map((part, i) => (part === undefined ? undefined : i === 6 ? Number(part.padEnd(3, '0')) : Number(part))) as number[];
  if (!realDate(year!, month!, day!) || hour! > 23 || minute! > 59 || second > 59) throw bad();
  return zonedTimeMs(zone, year!, month!, day!, hour, minute, second, ms);
}
