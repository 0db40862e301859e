import type { PriceQuote, SessionEvent, SessionReport } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { sessionSpans } from './session-spans.js';

const report = (overrides: Partial<SessionReport> = {}): SessionReport => ({
  schemaVersion: 1,
  sessionId: 's1',
  startTime: '2026-03-10T10:00:00.000Z',
  endTime: null,
  status: 'live',
  source: 'journal',
  generatedAt: '2026-03-10T10:10:00.000Z',
  plugins: [],
  sections: {},
  ...overrides,
});
const priced = (costUsd: number): PriceQuote => ({ costUsd, parts: null, inputUsdPerToken: null, source: 'test' });
const unpriced: PriceQuote = { costUsd: null, parts: null, inputUsdPerToken: null, source: null, unpricedReason: 'no price known for acme-coder' };
const tokens = { input: 10, output: 5, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 };

const events: SessionEvent[] = [
  { type: 'session.start', ts: '2026-03-10T10:00:00.000Z', sessionId: 's1', workspace: '/w' },
  { type: 'api.response', ts: '2026-03-10T10:01:00.000Z', model: 'acme-coder', engine: 'acme', tokens },
  { type: 'api.response', ts: '2026-03-10T10:02:00.000Z', model: 'gpt-4o', engine: 'openai', tokens },
  { type: 'acme.deploy', ts: '2026-03-10T10:07:00.000Z' },
];

describe('spans of a session', () => {
  it('leaves the cost out of an unpriced response and says why, rounding priced ones to nano-dollars', () => {
    const spans = sessionSpans({ report: report(), events, quote: (e) => (e.model === 'acme-coder' ? unpriced : priced(0.1234567891234)) });
    const [acme, gpt] = spans.filter((s) => s.name.startsWith('chat '));
    expect(acme!.attributes['rad.cost.usd']).toBeUndefined();
    expect(acme!.attributes['rad.cost.unpriced_reason']).toBe('no price known for acme-coder');
    expect(acme!.attributes['gen_ai.provider.name']).toBe('acme');
    expect(gpt!.attributes['rad.cost.usd']).toBe(0.123456789);
  });

  it('ends a session without an end at its last event, names a root without agent `invoke_agent`, and gives the same ids every time', () => {
    const first = sessionSpans({ report: report(), events, quote: () => priced(1) });
    const root = first[0]!;
    expect(root.name).toBe('invoke_agent');
    expect(root.endNs).toBe(BigInt(Date.parse('2026-03-10T10:07:00.000Z')) * 1_000_000n);
    // A point in time when the source did not time the response.
    expect(first[1]!.startNs).toBe(first[1]!.endNs);
    const again = sessionSpans({ report: report(), events, quote: () => priced(1) });
    expect(again.map((s) => [s.traceId, s.spanId])).toEqual(first.map((s) => [s.traceId, s.spanId]));
    const other = sessionSpans({ report: report({ sessionId: 's2' }), events, quote: () => priced(1) });
    expect(other[0]!.traceId).not.toBe(root.traceId);
  });

  it('puts the totals of a session without a journal on its root span, the priced part of the cost only', () => {
    const totals = { requests: 3, input: 100, output: 20, cacheRead: 300, cacheWrite: 50, reasoning: 0, costNanoUsd: 1_500_000_000, unpricedRequests: 1 };
    const [root, ...rest] = sessionSpans({ report: report({ source: 'legacy-radium', status: 'ended', endTime: '2026-03-10T11:00:00.000Z' }), events: [], quote: () => priced(1), totals });
    expect(rest).toEqual([]);
    expect(root!.attributes).toMatchObject({
      'rad.source': 'legacy',
      'gen_ai.usage.input_tokens': 450,
      'gen_ai.usage.cache_read.input_tokens': 300,
      'gen_ai.usage.cache_creation.input_tokens': 50,
      'rad.usage.requests': 3,
      'rad.cost.usd': 1.5,
      'rad.cost.unpriced_requests': 1,
    });
  });
});
