import { describe, expect, it } from 'vitest';
import { parseTimeFlag } from './parse-time.js';
import { checkTimeZone, zonedDate } from './time-zone.js';

describe('time flags', () => {
  it('read a date as its first moment in the zone, across a clock change', () => {
    expect(new Date(parseTimeFlag('--since', '2026-03-29', 'Europe/Paris')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // The clocks go forward that night: the next day starts an hour earlier in UTC.
    expect(new Date(parseTimeFlag('--until', '2026-03-29', 'Europe/Paris', true)).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(parseTimeFlag('--since', '2026-11-01', 'America/New_York')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(parseTimeFlag('--since', '2026-06-01', 'Asia/Kathmandu')).toISOString()).toBe('2026-05-31T18:15:00.000Z');
  });

  it('read date-times with an offset as given, and without one in the zone', () => {
    expect(parseTimeFlag('--since', '2026-11-03T14:00:00Z', 'Asia/Tokyo')).toBe(Date.parse('2026-11-03T14:00:00Z'));
    expect(parseTimeFlag('--since', '2026-11-03T14:00:00+02:00', 'UTC')).toBe(Date.parse('2026-11-03T12:00:00Z'));
    expect(new Date(parseTimeFlag('--since', '2026-11-03T14:30', 'Asia/Tokyo')).toISOString()).toBe('2026-11-03T05:30:00.000Z');
  });

  it('refuse what is not a date, naming the flag', () => {
    for (const bad of ['2026-02-29', '2026-1-3', 'tomorrow', '2026-11-03T25:00', '']) expect(() => parseTimeFlag('--until', bad, 'UTC')).toThrow(/^--until: /);
  });

  it('know zones by their IANA names and give local dates', () => {
    expect(checkTimeZone('utc')).toBe('UTC');
    expect(() => checkTimeZone('Europe/Atlantis')).toThrow(/--timezone: "Europe\/Atlantis" is not an IANA time zone/);
    expect(zonedDate(Date.parse('2026-11-03T23:30:00Z'), 'Europe/Paris')).toEqual({ year: 2026, month: 11, day: 4 });
  });
});
