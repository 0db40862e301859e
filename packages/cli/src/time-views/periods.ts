import { zonedDate, zonedTimeMs } from '../filters/time-zone.js';

/** The calendar unit of a time view. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** The first day of a week: Monday (ISO 8601) or Sunday. */
export type WeekStart = 'monday' | 'sunday';

/** One calendar period in a time zone: its name and the instants it spans, [from, to). */
export interface Period {
  /** `YYYY-MM-DD` of its first day, or `YYYY-MM` for a month. */
  label: string;
  from: number;
  to: number;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar date `days` after `date` (plain calendar arithmetic, no zone involved). */
function addDays({ year, month, day }: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first day of the period holding `date`. */
function periodStart(date: LocalDate, unit: PeriodUnit, weekStart: WeekStart): LocalDate {
  if (unit === 'day') return date;
  if (unit === 'month') return { ...date, day: 1 };
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday - (weekStart === 'monday' ? 1 : 0) + 7) % 7));
}

/** The first day of the next period. */
function nextStart(start: LocalDate, unit: PeriodUnit): LocalDate {
  if (unit === 'day') return addDays(start, 1);
  if (unit === 'week') return addDays(start, 7);
  return start.month === 12 ? { year: start.year + 1, month: 1, day: 1 } : { year: start.year, month: start.month + 1, day: 1 };
}

const labelOf = (start: LocalDate, unit: PeriodUnit) => (unit === 'month' ? `${start.year}-${two(start.month)}` : `${start.year}-${two(start.month)}-${two(start.day)}`);

/**
 * The calendar periods of `zone` that hold any instant from `firstMs` to `lastMs` (both included),
 * oldest first. A period starts at local midnight of its first day (the first instant after it
 * when a clock change skips midnight), so days around a clock change last 23 or 25 hours.
 */
export function periodsBetween(unit: PeriodUnit, zone: string, firstMs: number, lastMs: number, weekStart: WeekStart = 'monday'): Period[] {
  const out: Period[] = [];
  let start = periodStart(zonedDate(firstMs, zone), unit, weekStart);
  let from = zonedTimeMs(zone, start.year, start.month, start.day);
  while (from <= lastMs) {
    const next = nextStart(start, unit);
    const to = zonedTimeMs(zone, next.year, next.month, next.day);
    out.push({ label: labelOf(start, unit), from, to });
    start = next;
    from = to;
  }
  return out;
}
