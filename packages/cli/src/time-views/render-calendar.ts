import { formatDecimal, formatInteger } from '@radium-stats/core';
import { compactNumber } from '../output/compact-number.js';
import { plainStyle, type OutputStyle } from '../output/style.js';
import { wrapText } from '../output/wrap.js';
import { CALENDAR_WEEKS, type CalendarJson, type CalendarMetric } from './calendar.js';
import { HEAT_LEVELS } from './heat-levels.js';

/** How a calendar is drawn. */
export interface CalendarLayout {
  /** Columns available; undefined: no limit. */
  width?: number | undefined;
  /** Colour (a green scale, as GitHub's) only when the style allows it; else block shades. */
  style?: OutputStyle;
}

/** Width of the weekday labels on the left (`Mon `). */
const LABEL_WIDTH = 4;
/** Shades without colour, by level: nothing, then least to most. */
const SHADES = [' ', '░', '▒', '▓', '█'];
/** 256-colour greens by level, dim to bright as on GitHub's dark theme; level 0 is grey. */
const GREENS = [240, 22, 28, 34, 40];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Rows labelled, as on GitHub: every other weekday. */
const LABELLED = new Set(['Mon', 'Wed', 'Fri']);
const TITLES: Record<CalendarMetric, string> = { cost: 'Cost per Day', tokens: 'Tokens per Day', sessions: 'Sessions per Day' };

/** One character of a day of this level. */
function glyph(level: number, color: boolean): string {
  return color ? `\u001b[38;5;${GREENS[level]}m■\u001b[39m` : SHADES[level]!;
}

function amount(metric: CalendarMetric, value: number): string {
  if (metric === 'sessions') return formatInteger(value);
  if (metric === 'tokens') return compactNumber(value);
  return value >= 1000 ? `$${compactNumber(Math.round(value))}` : `$${formatDecimal(value, 2)}`;
}

const monthOf = (date: string) => Number(date.slice(5, 7));

/** The month names over the columns: each over the first week starting in it, left out where it would run into the next. */
function monthLine(firstDays: string[], cell: number): string {
  const starts = firstDays.map((date, c) => ({ c, month: monthOf(date) })).filter((s, i, all) => i === 0 || s.month !== all[i - 1]!.month);
  // The first column's month gets a name only when its weeks leave room for it.
  if (starts.length > 1 && (starts[1]!.c - starts[0]!.c) * cell < 4) starts.shift();
  let line = ' '.repeat(LABEL_WIDTH);
  for (const { c, month } of starts) {
    const at = LABEL_WIDTH + c * cell;
    if (at < line.length + (line.trim() === '' ? 0 : 1)) continue;
    line = line.padEnd(at) + MONTHS[month - 1];
  }
  return line;
}

/**
 * Human output of `rad stats calendar`: a title, month names over 52 week columns, one row per
 * weekday (Mon, Wed and Fri labelled), each day a cell shaded by its level, then the legend (less to
 * more, each shade's highest value) and the total. Two characters per day when the terminal has
 * room, one otherwise; on a terminal too narrow even for that, the most recent weeks that fit.
 */
export function renderCalendar(view: CalendarJson, layout: CalendarLayout): string {
  const width = layout.width;
  const color = (layout.style ?? plainStyle).color;
  const cell = width === undefined || width >= LABEL_WIDTH + 2 * CALENDAR_WEEKS ? 2 : 1;
  const allWeeks = Math.ceil(view.days.length / 7);
  const weeks = Math.max(1, Math.min(allWeeks, width === undefined ? allWeeks : Math.floor((width - LABEL_WIDTH) / cell)));
  const shown = view.days.slice((allWeeks - weeks) * 7);
  const title = `${TITLES[view.metric]}, ${view.days[0]!.date} to ${view.to} (${view.timezone}, weeks from ${view.weekStart === 'sunday' ? 'Sunday' : 'Monday'})`;
  const lines = [...wrapText(title, width), '', monthLine(Array.from({ length: weeks }, (_, c) => shown[c * 7]!.date), cell)];
  const weekdays = view.weekStart === 'sunday' ? WEEKDAYS : [...WEEKDAYS.slice(1), WEEKDAYS[0]!];
  for (let row = 0; row < 7; row++) {
    const weekday = weekdays[row]!;
    let line = (LABELLED.has(weekday) ? weekday : '').padEnd(LABEL_WIDTH);
    for (let c = 0; c < weeks; c++) {
      const day = shown[c * 7 + row];
      line += day === undefined ? ' '.repeat(cell) : glyph(day.level, color) + ' '.repeat(cell - 1);
    }
    lines.push(line.trimEnd());
  }
  lines.push('', `Less ${Array.from({ length: HEAT_LEVELS + 1 }, (_, level) => glyph(level, color)).join('')} More`);
  const ranges = view.levels.flatMap((max, i) => (max === null ? [] : [{ level: i + 1, text: ` up to ${amount(view.metric, max)}` }]));
  // One line when it fits (its width counted without colour codes), else one shade a line.
  const rangesWidth = ranges.reduce((sum, r) => sum + 1 + r.text.length, 0) + 3 * (ranges.length - 1);
  const drawn = ranges.map((r) => glyph(r.level, color) + r.text);
  if (ranges.length > 0) lines.push(...(width === undefined || rangesWidth <= width ? [drawn.join('   ')] : drawn));
  const total = view.total!;
  const busiest = view.days.reduce((best, day) => (day.value > best.value ? day : best), view.days[0]!);
  const unit = view.metric === 'cost' ? '' : ` ${view.metric}`;
  const sum = view.metric === 'cost' ? amount('cost', total.value) : formatInteger(total.value);
  const notes = [
    `Total: ${sum}${unit} on ${total.activeDays} active ${total.activeDays === 1 ? 'day' : 'days'}${busiest.value > 0 ? `; busiest ${busiest.date} (${amount(view.metric, busiest.value)})` : ''}.`,
  ];
  if (view.metric === 'cost' && total.unpricedRequests > 0) notes.push('Part of the cost is unknown: some responses have no price (`rad stats model` names the models).');
  if (weeks < allWeeks) notes.push(`Showing the last ${weeks} weeks to fit ${width} columns (--json has all ${allWeeks}).`);
  return [...lines, ...notes.flatMap((note) => wrapText(note, width))].join('\n');
}
