import { describe, expect, it } from 'vitest';
import { api, ended, foldTiming, tool } from '../test/fixtures.js';

const START = '2026-05-01T09:00:00.000Z';
const END = '2026-05-01T10:00:00.000Z';

describe('timing collector', () => {
  it('gives wall time and zero known API, tool, active and busy time for a session without calls', () => {
    const s = foldTiming(ended(START, END));
    expect(s.wallTime).toEqual({ ms: 3_600_000, reason: null, unrecordedSessions: 0 });
    expect(s.apiTime).toEqual({ ms: 0, reason: null, unrecordedSessions: 0, timed: 0, untimed: 0 });
    expect(s.toolTime.ms).toBe(0);
    expect(s.agentActive.ms).toBe(0);
    expect(s.busyTime.ms).toBe(0);
  });

  it('sums API (errors included) and tool durations, and agent active is their sum', () => {
    const s = foldTiming(
      ended(START, END),
      api('2026-05-01T09:01:00.000Z', 1500),
      { type: 'api.error', ts: '2026-05-01T09:02:00.000Z', model: 'm', engine: 'e', error: 'overloaded', durationMs: 500 },
      tool('2026-05-01T09:03:00.000Z', 7000),
    );
    expect(s.apiTime).toMatchObject({ ms: 2000, timed: 2, untimed: 0 });
    expect(s.toolTime).toMatchObject({ ms: 7000, timed: 1 });
    expect(s.agentActive.ms).toBe(9000);
    expect(s.busyTime.ms).toBe(9000);
  });

  it('counts parallel work fully in agent active time but once in busy time, which stays within wall time', () => {
    // Four 50-minute calls running side by side in a one-hour session.
    const calls = [0, 1, 2, 3].map((i) => tool(`2026-05-01T09:5${i}:00.000Z`, 50 * 60_000));
    const s = foldTiming(ended(START, END), ...calls, api('2026-05-01T09:59:00.000Z', 30 * 60_000));
    expect(s.agentActive.ms).toBe(4 * 50 * 60_000 + 30 * 60_000);
    expect(s.agentActive.ms!).toBeGreaterThan(s.wallTime.ms!);
    expect(s.busyTime.ms).toBe(59 * 60_000);
    expect(s.busyTime.ms!).toBeLessThanOrEqual(s.wallTime.ms!);
  });

  it('clips busy time to the session when work began before session.start was written', () => {
    const s = foldTiming(ended(START, END), api('2026-05-01T09:00:10.000Z', 60_000));
    expect(s.apiTime.ms).toBe(60_000);
    expect(s.busyTime.ms).toBe(10_000);
  });

  it('gives the same durations whatever offsets the timestamps carry', () => {
    const utc = foldTiming(ended(START, END), api('2026-05-01T09:10:00.000Z', 4000), tool('2026-05-01T09:10:02.000Z', 3000));
    const far = foldTiming(
      ended('2026-05-01T22:45:00.000+13:45', '2026-04-30T23:00:00.000-11:00'),
      api('2026-05-01T22:55:00.000+13:45', 4000),
      tool('2026-04-30T22:10:02.000-11:00', 3000),
    );
    expect(far).toEqual(utc);
    expect(far.busyTime.ms).toBe(6000);
  });

  it('gives the same durations whatever time zone the machine is in', () => {
    const saved = process.env.TZ;
    const run = (tz: string) => {
      process.env.TZ = tz;
      return foldTiming(ended('2026-04-05T01:30:00+13:45', '2026-04-05T05:30:00+12:45'), tool('2026-04-05T03:00:00+13:45', 60_000));
    };
    try {
      const results = ['Pacific/Chatham', 'Pacific/Pago_Pago', 'UTC'].map(run);
      expect(new Date('2026-01-01T00:00:00Z').getTimezoneOffset()).toBe(0);
      for (const r of results) expect(r).toEqual(results[2]);
      expect(results[0]!.wallTime.ms).toBe(5 * 3_600_000);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('runs a live session to the fold time and an abandoned one to its last event', () => {
    const live = foldTiming({ startTime: START, endTime: null, status: 'live', now: '2026-05-01T09:20:00.000Z' }, tool('2026-05-01T09:19:00.000Z', 60_000));
    expect(live).toMatchObject({ liveSessions: 1, wallTime: { ms: 20 * 60_000 }, busyTime: { ms: 60_000 } });
    const abandoned = foldTiming({ startTime: START, endTime: null, status: 'abandoned', now: '2026-05-01T09:05:00.000Z' });
    expect(abandoned).toMatchObject({ liveSessions: 0, wallTime: { ms: 5 * 60_000 } });
  });

  it('reports API time as unknown when no request carried a latency, and agent active with it', () => {
    const s = foldTiming(ended(START, END), api('2026-05-01T09:01:00.000Z'), api('2026-05-01T09:02:00.000Z'), tool('2026-05-01T09:03:00.000Z', 2000));
    expect(s.apiTime).toEqual({ ms: null, reason: 'API latency not recorded by the source', unrecordedSessions: 1, timed: 0, untimed: 2 });
    expect(s.agentActive).toEqual({ ms: null, reason: 'API latency not recorded by the source', unrecordedSessions: 1 });
    expect(s.toolTime.ms).toBe(2000);
    expect(s.busyTime.ms).toBe(2000);
  });

  it('keeps the known part of a partly timed sum and counts what was untimed', () => {
    const s = foldTiming(ended(START, END), api('2026-05-01T09:01:00.000Z', 1000), api('2026-05-01T09:02:00.000Z'), tool('2026-05-01T09:03:00.000Z'));
    expect(s.apiTime).toMatchObject({ ms: 1000, timed: 1, untimed: 1 });
    expect(s.toolTime).toMatchObject({ ms: null, reason: 'tool durations not recorded by the source', untimed: 1 });
    expect(s.agentActive.ms).toBeNull();
  });

  it('reports busy time as unknown when nothing carried a duration', () => {
    const s = foldTiming(ended(START, END), api('2026-05-01T09:01:00.000Z'), tool('2026-05-01T09:03:00.000Z'));
    expect(s.busyTime).toEqual({ ms: null, reason: 'durations not recorded by the source', unrecordedSessions: 1 });
  });

  it('refuses a wall time for a session that ends before it starts', () => {
    const s = foldTiming(ended(END, START));
    expect(s.wallTime).toMatchObject({ ms: null, reason: 'session ends before it starts' });
    expect(s.busyTime.ms).toBeNull();
  });
});
