import { formatUsd } from '@radium-stats/core';
import type { DashboardData } from './collect.js';
import type { CalendarCell, CalendarSpec } from './page-data.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Level 1-4 of each positive value: the quarter of its rank among the positive values. */
function levelsOf(values: readonly number[]): (value: number) => number {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  return (value) => {
    if (value <= 0 || sorted.length === 0) return 0;
    // Rank of the last equal value, so equal days share a level.
    let below = 0;
    while (below < sorted.length && sorted[below]! <= value) below += 1;
    return Math.max(1, Math.ceil((below / sorted.length) * 4));
  };
}

/** The heatmap of daily priced cost over the calendar's weeks, from `rad stats daily --json` over those days. */
export function costCalendar(data: DashboardData): CalendarSpec {
  const { days, view } = data.year;
  const cost = new Map((view?.periods ?? []).map((p) => [p.period, p.pricedCostUsd]));
  const level = levelsOf([...cost.values()]);
  const cells: CalendarCell[] = days.map((day, i) => {
    const value = cost.get(day.label) ?? 0;
    return { date: day.label, week: Math.floor(i / 7), weekday: i % 7, level: level(value), value, text: `${day.label}: ${formatUsd(value)}` };
  });
  const months: CalendarSpec['months'] = [];
  for (const cell of cells) {
    const month = Number(cell.date.slice(5, 7));
    if (cell.date.endsWith('-01') || cell === cells[0]) months.push({ week: cell.week, text: MONTHS[month - 1]! });
  }
  // The grid starts on a Monday, so the first label can sit over a partial month: keep it only when the next is a few weeks away.
  if (months.length > 1 && months[1]!.week - months[0]!.week < 3) months.shift();
  const max = Math.max(0, ...cost.values());
  const active = cells.filter((c) => c.value > 0);
  return {
    id: 'cost-calendar',
    title: 'Daily cost over the last year',
    description: `Each square is a day from ${days[0]!.label} to ${days.at(-1)!.label} (${view?.timezone ?? data.query.timeZone}); darker squares cost more (quarters of the days with any cost).`,
    weeks: Math.ceil(cells.length / 7),
    cells,
    months,
    levels: ['No cost', 'Lowest quarter', 'Second quarter', 'Third quarter', `Highest quarter (up to ${formatUsd(max)})`],
    table: {
      caption: 'Days with a cost over the last year',
      columns: ['Day', 'Cost'],
      numeric: [false, true],
      rows: active.map((c) => [c.date, formatUsd(c.value)]),
      footer: ['Total', formatUsd(view?.total.pricedCostUsd ?? 0)],
    },
  };
}
