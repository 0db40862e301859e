import { describe, expect, it } from 'vitest';
import { periodsBetween } from './periods.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('periodsBetween', () => {
  it('cuts days at local midnight, 23 and 25 hours long across clock changes', () => {
    const days = periodsBetween('day', 'Europe/Paris', at('2025-03-29T12:00:00Z'), at('2025-03-31T01:00:00Z'));
    expect(days.map((d) => d.label)).toEqual(['2025-03-29', '2025-03-30', '2025-03-31']);
    expect(days.map((d) => iso(d.from))).toEqual(['2025-03-28T23:00:00.000Z', '2025-03-29T23:00:00.000Z', '2025-03-30T22:00:00.000Z']);
    expect((days[1]!.to - days[1]!.from) / 3_600_000).toBe(23);
    const autumn = periodsBetween('day', 'Europe/Paris', at('2025-10-26T12:00:00Z'), at('2025-10-26T12:00:00Z'));
    expect((autumn[0]!.to - autumn[0]!.from) / 3_600_000).toBe(25);
  });

  it('makes ISO weeks start on Monday, or on Sunday when asked', () => {
    // 2026-11-03 is a Tuesday.
    const monday = periodsBetween('week', 'UTC', at('2026-11-03T10:00:00Z'), at('2026-11-10T10:00:00Z'));
    expect(monday.map((w) => w.label)).toEqual(['2026-11-02', '2026-11-09']);
    const sunday = periodsBetween('week', 'UTC', at('2026-11-03T10:00:00Z'), at('2026-11-10T10:00:00Z'), 'sunday');
    expect(sunday.map((w) => w.label)).toEqual(['2026-11-01', '2026-11-08']);
    expect(sunday[0]!.to - sunday[0]!.from).toBe(7 * 86_400_000);
  });

  it('names months YYYY-MM and crosses the year', () => {
    const months = periodsBetween('month', 'America/New_York', at('2025-12-31T12:00:00Z'), at('2026-01-01T04:59:59Z'));
    // 04:59 UTC on Jan 1 is still Dec 31 in New York.
    expect(months.map((m) => m.label)).toEqual(['2025-12']);
    expect(iso(months[0]!.from)).toBe('2025-12-01T05:00:00.000Z');
    expect(iso(months[0]!.to)).toBe('2026-01-01T05:00:00.000Z');
    expect(periodsBetween('month', 'UTC', at('2025-12-31T12:00:00Z'), at('2026-01-01T00:00:00Z')).map((m) => m.label)).toEqual(['2025-12', '2026-01']);
  });

  it('puts an instant just before local midnight in its own day', () => {
    const days = periodsBetween('day', 'Asia/Kolkata', at('2026-11-03T18:29:59Z'), at('2026-11-03T18:30:00Z'));
    expect(days.map((d) => d.label)).toEqual(['2026-11-03', '2026-11-04']);
  });
});
