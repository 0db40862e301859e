import { describe, expect, it } from 'vitest';
import { elapsedMs, toIsoTime } from './time.js';

describe('record times', () => {
  it('gives every time the one UTC form, so times order as text', () => {
    expect(toIsoTime('2025-10-20T10:00:30.000Z')).toBe('2025-10-20T10:00:30.000Z');
    expect(toIsoTime('2025-10-20T12:00:30+02:00')).toBe('2025-10-20T10:00:30.000Z');
    expect(toIsoTime(Date.parse('2025-10-20T10:00:30Z'))).toBe('2025-10-20T10:00:30.000Z');
    expect(toIsoTime('2025-13-20T10:00:30.000Z')).toBeUndefined();
    expect(toIsoTime(undefined)).toBeUndefined();
  });

  it('measures elapsed time only forward', () => {
    expect(elapsedMs('2025-10-20T10:00:00.000Z', '2025-10-20T10:00:01.200Z')).toBe(1200);
    expect(elapsedMs('2025-10-20T10:00:01.000Z', '2025-10-20T10:00:00.000Z')).toBeUndefined();
    expect(elapsedMs(undefined, '2025-10-20T10:00:00.000Z')).toBeUndefined();
  });

  it('leaves a gap above the 30-day duration ceiling unknown, so the event is kept without it', () => {
    expect(elapsedMs('2025-10-01T00:00:00.000Z', '2025-10-31T00:00:00.000Z')).toBe(30 * 86_400_000);
    expect(elapsedMs('2025-10-01T00:00:00.000Z', '2025-10-31T00:00:00.001Z')).toBeUndefined();
    expect(elapsedMs('0001-01-01T00:00:00.000Z', '9999-12-31T00:00:00.000Z')).toBeUndefined();
  });
});
