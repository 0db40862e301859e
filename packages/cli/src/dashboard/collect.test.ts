import { describe, expect, it } from 'vitest';
import { calendarDays } from './collect.js';

const at = (iso: string) => Date.parse(iso);

describe('calendarDays', () => {
  it('covers whole weeks from the Monday a year before up to today, in the zone', () => {
    const days = calendarDays('UTC', at('2026-11-29T13:00:00Z'), undefined);
    expect(days[0]!.label).toBe('2025-11-24');
    expect(new Date(days[0]!.from).getUTCDay()).toBe(1);
    expect(days.at(-1)!.label).toBe('2026-11-29');
    expect(days.length).toBeGreaterThanOrEqual(365);
    expect(days.length).toBeLessThanOrEqual(371);
  });

  it('ends on the day of --until (exclusive instant) when it is before today, and keeps 23- and 25-hour days whole', () => {
    const days = calendarDays('Europe/Paris', at('2026-11-29T13:00:00Z'), at('2026-04-01T00:00:00+02:00'));
    expect(days.at(-1)!.label).toBe('2026-03-31');
    const change = days.find((d) => d.label === '2026-03-29')!;
    expect(change.to - change.from).toBe(23 * 3_600_000);
    expect(days[0]!.label).toBe('2025-03-31');
  });
});
