import { describe, expect, it } from 'vitest';
import type { CalendarJson } from './calendar.js';
import { renderCalendar } from './render-calendar.js';

/** 52 weeks from Monday 2025-01-06 to Wednesday 2025-12-31, one day with `value` every eleventh day. */
function calendar(value: (i: number) => number): CalendarJson {
  const days = Array.from({ length: 51 * 7 + 3 }, (_, i) => {
    const v = i % 11 === 0 ? value(i) : 0;
    return { date: new Date(Date.UTC(2025, 0, 6 + i)).toISOString().slice(0, 10), value: v, level: v > 0 ? 1 + (i % 4) : 0, sessions: v > 0 ? 1 : 0, tokens: 0, costUsd: v, pricedCostUsd: v };
  });
  const sum = days.reduce((s, d) => s + d.value, 0);
  return {
    timezone: 'UTC',
    weekStart: 'monday',
    metric: 'cost',
    from: days[0]!.date,
    to: days.at(-1)!.date,
    levels: [1, 2, 3, 1234.5],
    days,
    total: { value: sum, sessions: 0, tokens: 0, costUsd: sum, pricedCostUsd: sum, activeDays: days.filter((d) => d.value > 0).length, unpricedRequests: 2 },
  };
}

describe('calendar drawing', () => {
  it('keeps the most recent weeks that fit a narrow terminal, and says so', () => {
    const text = renderCalendar(calendar(() => 1), { width: 40 });
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(40);
    expect(text.replace(/\n/g, ' ')).toContain('Showing the last 36 weeks to fit 40 columns (--json has all 52).');
    // Legend ranges that do not fit one line go one a line; large costs are shortened.
    expect(text).toContain('█ up to $1.2K');
    expect(text.replace(/\n/g, ' ')).toContain('Part of the cost is unknown');
  });

  it('puts each month name over the first week that starts in it, weekday names on Mon, Wed and Fri', () => {
    const lines = renderCalendar(calendar(() => 1), { width: 80 }).split('\n');
    expect(lines[2]).toBe('    Jan Feb Mar  Apr May Jun  Jul Aug Sep  Oct Nov Dec');
    expect(lines.slice(3, 10).map((l) => l.slice(0, 4))).toEqual(['Mon ', '    ', 'Wed ', '    ', 'Fri ', '    ', '    ']);
  });

  it('draws green squares when colour is allowed, shades otherwise', () => {
    const color = { color: true, heading: (t: string) => t };
    expect(renderCalendar(calendar(() => 1), { width: 80, style: color })).toMatch(/\u001b\[38;5;\d+m■\u001b\[39m/);
    expect(renderCalendar(calendar(() => 1), { width: 80 })).not.toContain('\u001b');
  });
});
