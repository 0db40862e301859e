import type { FieldBlock } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { api, ended, foldTiming, tool } from '../test/fixtures.js';
import { compareTiming, timingHistory, timingSessionBlocks } from './report.js';
import { mergeTiming } from './merge.js';

/** The session of the spec's example: 4h 9m 54s of wall time, 1h 9m 42s of API time, 1h 43m 35s of tool time. */
const spec = foldTiming(
  ended('2026-05-01T09:00:00.000Z', '2026-05-01T13:09:54.000Z'),
  api('2026-05-01T09:40:00.000Z', 2_000_000),
  api('2026-05-01T10:30:00.000Z', 2_182_000),
  tool('2026-05-01T11:30:00.000Z', 3_000_000),
  tool('2026-05-01T13:00:00.000Z', 3_215_000),
);

const lines = (blocks: FieldBlock[]) => blocks[0]!.rows.map((r) => `${r.indent ? '  » ' : ''}${r.label}: ${r.value}`);

describe('timing session view', () => {
  it("prints the spec's Performance rows exactly, then busy time", () => {
    const blocks = timingSessionBlocks(spec);
    expect(blocks[0]).toMatchObject({ kind: 'fields', title: 'Performance', order: 20 });
    expect(lines(blocks)).toEqual([
      'Wall Time: 4h 9m 54s',
      'Agent Active: 2h 53m 17s',
      '  » API Time: 1h 9m 42s (40.2%)',
      '  » Tool Time: 1h 43m 35s (59.8%)',
      'Busy Time: 2h 53m 17s (69.3% of wall time)',
    ]);
    const orders = blocks[0]!.rows.map((r) => r.order ?? 0);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('shows zero durations for a session without calls, with no made-up shares', () => {
    const s = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T09:00:42.000Z'));
    expect(lines(timingSessionBlocks(s))).toEqual([
      'Wall Time: 42s',
      'Agent Active: 0ms',
      '  » API Time: 0ms',
      '  » Tool Time: 0ms',
      'Busy Time: 0ms (0.0% of wall time)',
    ]);
  });

  it('says n/a with the reason when API latency was not recorded', () => {
    const s = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z'), api('2026-05-01T09:01:00.000Z'), tool('2026-05-01T09:02:00.000Z', 90_000));
    expect(lines(timingSessionBlocks(s))).toEqual([
      'Wall Time: 1h 0m 0s',
      'Agent Active: n/a (API latency not recorded by the source)',
      '  » API Time: n/a (API latency not recorded by the source)',
      '  » Tool Time: 1m 30s',
      'Busy Time: 1m 30s (2.5% of wall time; 1 untimed event not included)',
    ]);
  });

  it('names untimed requests next to a partly known sum, and marks a live session', () => {
    const s = foldTiming(
      { startTime: '2026-05-01T09:00:00.000Z', endTime: null, status: 'live', now: '2026-05-01T09:10:00.000Z' },
      api('2026-05-01T09:01:00.000Z', 3000),
      api('2026-05-01T09:02:00.000Z'),
      tool('2026-05-01T09:03:00.000Z', 1000),
    );
    expect(lines(timingSessionBlocks(s))).toEqual([
      'Wall Time: 10m 0s (live)',
      'Agent Active: 4s',
      '  » API Time: 3s (75.0%; 1 of 2 requests untimed)',
      '  » Tool Time: 1s (25.0%)',
      'Busy Time: 4s (0.7% of wall time; 1 untimed event not included)',
    ]);
  });
});

describe('timing compare and history', () => {
  it('compares the four Performance durations without detail lines', () => {
    const b = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T11:15:00.000Z'), api('2026-05-01T09:40:00.000Z', 60_000));
    const rows = compareTiming(spec, b);
    expect(rows.map((r) => [r.label, r.a, r.b])).toEqual([
      ['Wall Time', 14_994_000, 8_100_000],
      ['Agent Active', 10_397_000, 60_000],
      ['API Time', 4_182_000, 60_000],
      ['Tool Time', 6_215_000, 0],
    ]);
    for (const r of rows) expect(r).toMatchObject({ section: 'Performance', unit: 'duration', order: 30 });
    expect(rows.some((r) => r.detail)).toBe(false);
  });

  it('compares unknown durations as null', () => {
    const untimed = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z'), api('2026-05-01T09:01:00.000Z'));
    const rows = compareTiming(spec, untimed);
    expect(rows.find((r) => r.label === 'API Time')!.b).toBeNull();
    expect(rows.find((r) => r.label === 'Agent Active')!.b).toBeNull();
  });

  it('fills the history Duration column in short form, rounded to the minute (4h 9m 54s is 4h 10m)', () => {
    expect(timingHistory(spec)).toEqual([{ column: 'Duration', value: '4h 10m', order: 10 }]);
  });

  it('marks merged totals that leave sessions out', () => {
    const untimed = foldTiming(ended('2026-05-01T09:00:00.000Z', '2026-05-01T10:00:00.000Z'), api('2026-05-01T09:01:00.000Z'));
    const m = mergeTiming([spec, untimed]);
    expect(lines(timingSessionBlocks(m)).slice(1, 4)).toEqual([
      'Agent Active: 2h 53m 17s (1 session not recorded)',
      '  » API Time: 1h 9m 42s (1 of 3 requests untimed; 1 session not recorded)',
      '  » Tool Time: 1h 43m 35s',
    ]);
  });
});
