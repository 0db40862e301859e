import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseReportText } from '../store/parse-report.js';
import type { AnyMetricPlugin } from '../plugin/contract.js';
import { fastCheck } from './fast-check.js';
import { sessionReportSchema } from './schema.js';

const count = z.number().int().nonnegative();
const row = z.object({ requests: count, cost: z.number().nonnegative().nullable(), reason: z.string().nullable() });
const plain = z.object({
  version: z.string().min(1),
  models: z.record(z.string(), row),
  total: row,
  tags: z.array(z.enum(['a', 'b'])),
  kind: z.union([z.literal('x'), z.literal(2)]),
  note: z.string().optional(),
  at: z.iso.datetime({ offset: true }),
});

const good = {
  version: 'v1',
  models: { m: { requests: 2, cost: 0.5, reason: null } },
  total: { requests: 2, cost: null, reason: 'unpriced' },
  tags: ['a'],
  kind: 2,
  at: '2025-01-01T10:00:00.000+02:00',
};

// Values a hand edit or a bug could leave in a report, each next to the good one.
const variants: unknown[] = [
  good,
  { ...good, note: 'n' },
  { ...good, version: '' },
  { ...good, total: { requests: -1, cost: null, reason: null } },
  { ...good, total: { requests: 1.5, cost: null, reason: null } },
  { ...good, total: { requests: 2 ** 60, cost: null, reason: null } },
  { ...good, total: { requests: '2', cost: null, reason: null } },
  { ...good, models: { m: { requests: 1, cost: -0.1, reason: null } } },
  { ...good, tags: ['c'] },
  { ...good, kind: 'y' },
  { ...good, at: '2025-02-30T10:00:00Z' },
  { ...good, at: 'yesterday' },
  { ...good, extra: true },
  { ...good, total: { requests: 2, cost: null } },
  null,
  [],
  'text',
];

describe('fastCheck', () => {
  it('accepts exactly what zod accepts, and what it accepts zod returns unchanged', () => {
    const check = fastCheck(plain);
    expect(check).toBeTypeOf('function');
    for (const value of variants) {
      const parsed = plain.safeParse(value);
      if (check!(value)) {
        expect(parsed.success, JSON.stringify(value)).toBe(true);
        expect(parsed.data).toEqual(value);
      } else if (parsed.success) {
        // Only a key zod strips may make the check send a value on to zod.
        expect(parsed.data).not.toEqual(value);
      }
    }
    expect(variants.filter((v) => check!(v))).toHaveLength(2);
  });

  it('leaves schemas JSON Schema cannot state exactly to zod alone', () => {
    expect(fastCheck(z.object({ n: z.number().refine((n) => n % 2 === 0) }))).toBeUndefined();
    expect(fastCheck(z.object({ s: z.string().trim() }))).toBeUndefined();
    expect(fastCheck(z.object({ n: z.number().default(0) }))).toBeUndefined();
    expect(fastCheck(z.object({ n: z.string().transform((s) => s.length) }))).toBeUndefined();
    expect(fastCheck(z.object({ d: z.date() }))).toBeUndefined();
    expect(fastCheck(z.record(z.enum(['a', 'b']), z.number()))).toBeUndefined();
    expect(fastCheck({ safeParse: () => ({ success: true, data: 1 }) } as never)).toBeUndefined();
  });

  it('covers the report envelope', () => {
    expect(fastCheck(sessionReportSchema)).toBeTypeOf('function');
  });
});

describe('parseReportText with fast checks', () => {
  // parseReportText reads only a plugin's id and section schema.
  const plugin = { id: 'plain', section: plain } as unknown as AnyMetricPlugin;
  const report = (section: unknown, extra: object = {}) =>
    JSON.stringify({
      schemaVersion: 1,
      sessionId: 's1',
      startTime: '2025-01-01T10:00:00.000Z',
      endTime: null,
      status: 'live',
      source: 'journal',
      generatedAt: '2025-01-01T10:00:00.000Z',
      plugins: ['plain'],
      sections: { plain: section, other: { kept: 1 } },
      // After the sections, unlike the schema's order.
      agent: 'a',
      ...extra,
    });

  it('gives the same report and the same warnings as zod alone', () => {
    const texts = [report(good), report({ ...good, extra: 1 }), report({ ...good, kind: 'y' }), report(good, { unknownTopLevel: 1 }), report(good, { eventCount: -1 })];
    for (const text of texts) {
      const slow: string[] = [];
      const fast: string[] = [];
      const outcome = (warnings: string[], useFast: boolean) => {
        try {
          return parseReportText(text, 'r.json', [plugin], (m) => warnings.push(m), useFast);
        } catch (error) {
          return (error as Error).message;
        }
      };
      // Byte for byte: an export of the report must not change with the path it was read by.
      expect(JSON.stringify(outcome(fast, true))).toBe(JSON.stringify(outcome(slow, false)));
      expect(fast).toEqual(slow);
    }
  });
});
