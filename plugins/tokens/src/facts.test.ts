import { MAX_TOKENS, legacyMetricsSchema, sumFactRows, type FactRows, type LegacyMetrics } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { foldLive, foldTokens, response, type Folded } from '../test/fold.js';
import { tokensFacts } from './facts.js';
import { tokensFromLegacy } from './legacy.js';
import { mergeTokens } from './merge.js';
import type { TokensSection } from './section.js';

const SONNET = 'claude-sonnet-4-5-20250929';
const at = (iso: string) => Date.parse(iso);
const tables = tokensFacts.tables;

/** What the store hands the plugin for these sessions: their rows as stored in report files, summed per dimension. */
function fromStore(facts: FactRows[], range: { from?: number; to?: number } = {}): TokensSection {
  const stored = facts.map((f) => JSON.parse(JSON.stringify(f)) as FactRows);
  return tokensFacts.toSection(sumFactRows(tables, stored, range), { sessions: facts.length });
}

function legacy(overrides: Partial<LegacyMetrics>): LegacyMetrics {
  return legacyMetricsSchema.parse({
    session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337',
    start_time: '2025-10-07T04:00:00Z',
    model_usage: { 'claude-3-sonnet': { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 700, estimated_cost: 0.18 } },
    engine_usage: { claude: { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 700, estimated_cost: 0.18 } },
    total_cost: 0.18,
    ...overrides,
  });
}

/** A session as the store sees it: its section and its fact rows (rebuilt from the section when the report has none). */
interface Stored {
  section: TokensSection;
  facts: FactRows;
}

const withFacts = ({ section, facts }: Folded): Stored => ({ section, facts: facts! });
const withoutFacts = (section: TokensSection, bucket: number): Stored => ({ section, facts: tokensFacts.fromSection!(section, bucket) });

async function mix(): Promise<Stored[]> {
  const priced = await foldTokens(
    response('gpt-4o', 'openai', { input: 1_234, output: 56 }, { durationMs: 700 }),
    response('gpt-4o', 'openai', { input: 10, output: 5 }, { ts: '2025-11-01T10:16:00Z' }),
    { type: 'api.error', ts: '2025-11-01T10:17:00Z', model: 'gpt-4o', engine: 'openai', durationMs: 60_000, error: 'rate limited' },
    response(SONNET, 'claude', { input: 100, cacheRead: 5_000, cacheWrite: 1_000, cacheWrite1h: 2_000, output: 80 }, { durationMs: 1_250, ts: '2025-11-01T10:29:00Z' }),
  );
  // llama3 is unpriced for two reasons; the one listed first in time is not the first in order.
  const unpriced = await foldTokens(
    response('llama3', 'acme', { input: 40, output: 4 }),
    response('llama3', 'ollama', { input: 30, output: 3 }, { durationMs: 90 }),
    response('acme-coder', 'acme', { input: 500, output: 50 }),
    response('gemini-2.5-pro', 'gemini', { input: 200, output: 20, reasoning: 5 }, { durationMs: 2_000 }),
  );
  const empty = await foldTokens();
  const live = await foldLive(
    '2025-11-01T23:50:00Z',
    response('gpt-4o', 'openai', { input: 7 }, { ts: '2025-11-01T23:59:59Z', durationMs: 300 }),
    response('gpt-4o', 'azure', { input: 9 }, { ts: '2025-11-02T00:00:01Z' }),
  );
  // Twenty o1-pro responses at the token ceiling cost $15 million, past 2^53 nano-dollars in one bucket.
  const huge = await foldTokens(...Array.from({ length: 20 }, () => response('o1-pro', 'openai', { input: MAX_TOKENS, output: MAX_TOKENS })));
  const bucket = at('2025-10-07T04:00:00Z');
  return [
    withFacts(priced),
    withFacts(unpriced),
    withFacts(empty),
    withFacts(live),
    withFacts(huge),
    withoutFacts(tokensFromLegacy(legacy({})), bucket),
    withoutFacts(tokensFromLegacy(legacy({ model_usage: {}, engine_usage: {}, total_cost: 0.5 })), bucket),
    // A report written before facts, priced with older price data.
    withoutFacts({ ...priced.section, priceDataVersion: 'genai-prices@0.0.1' }, at('2025-09-01T08:00:00Z')),
  ];
}

describe('tokens facts', () => {
  it('summed over any sessions give the section merge gives: priced and unpriced models, engines, errors, legacy, live, empty and $15 million sessions', async () => {
    const sessions = await mix();
    const check = (some: Stored[]) => expect(fromStore(some.map((s) => s.facts))).toEqual(mergeTokens(some.map((s) => s.section)));
    check(sessions);
    check([...sessions].reverse());
    for (const one of sessions) check([one]);
    check(sessions.slice(0, 4));
    check(sessions.slice(5));
    check([]);
    const merged = fromStore(sessions.map((s) => s.facts));
    expect(merged.legacySessions).toBe(2);
    expect(merged.priceDataVersion.split(', ')).toEqual(['genai-prices@0.0.1', sessions[0]!.section.priceDataVersion, 'radium-legacy']);
    expect(merged.unpricedModels).toEqual(['acme-coder', 'llama3']);
    expect(merged.total.costNanoUsd).toMatch(/^15\d{15}$/);
  });

  it('mark the models and engines that only legacy reports used, as merge does', async () => {
    const sessions = await mix();
    // A legacy report that used a model rad also recorded: that one was measured.
    const alsoRecorded = withoutFacts(
      tokensFromLegacy(legacy({ model_usage: { 'gpt-4o': { requests: 2, input_tokens: 10, output_tokens: 1, cached_tokens: 0, estimated_cost: 0.01 } }, engine_usage: {} })),
      at('2025-10-08T04:00:00Z'),
    );
    const all = [...sessions, alsoRecorded];
    const merged = fromStore(all.map((s) => s.facts));
    expect(merged).toEqual(mergeTokens(all.map((s) => s.section)));
    expect(merged.legacyOnly).toEqual({ models: ['(unattributed)', 'claude-3-sonnet'], engines: [] });
    expect(fromStore(sessions.slice(5, 6).map((s) => s.facts)).legacyOnly).toEqual({ models: ['claude-3-sonnet'], engines: ['claude'] });
    expect(fromStore(sessions.slice(0, 5).map((s) => s.facts)).legacyOnly).toBeUndefined();
    expect(fromStore([alsoRecorded.facts, sessions[0]!.facts]).legacyOnly).toBeUndefined();
  });

  it('give a model unpriced for several reasons the same reason whatever order the sessions come in', async () => {
    const local = (await foldTokens(response('llama3', 'ollama', { input: 1 }))).section;
    const unknown = (await foldTokens(response('llama3', 'acme', { input: 1 }))).section;
    expect(mergeTokens([unknown, local])).toEqual(mergeTokens([local, unknown]));
    expect(mergeTokens([unknown, local]).models['llama3']!.unpricedReason).toMatch(/^engine ollama runs locally/);
  });

  it('keep latencies in whole milliseconds, so sums come out the same however rows are grouped', async () => {
    // As floats, (0.1 + 0.1) + 1.1 and (0.1 + 1.1) + 0.1 differ in the last digit.
    const folded = await foldTokens(
      response('gpt-4o', 'openai', { input: 1 }, { durationMs: 0.1 }),
      response('gpt-4o', 'openai', { input: 1 }, { durationMs: 0.1, ts: '2025-11-01T10:16:00Z' }),
      response('gpt-4o', 'openai', { input: 1 }, { durationMs: 1.1, ts: '2025-11-01T10:02:00Z' }),
    );
    expect(folded.warnings).toEqual([]);
    expect(folded.section.total).toMatchObject({ latencyTotalMs: 1, latencyCount: 3 });
    expect(fromStore([folded.facts!])).toEqual(folded.section);
  });

  it('are one row per 15-minute bucket of completion time, model, engine and unpriced reason, across a bucket edge and midnight', async () => {
    const { section, facts } = await foldTokens(
      response('gpt-4o', 'openai', { input: 10 }, { ts: '2025-11-01T10:14:59.999Z', durationMs: 100 }),
      response('gpt-4o', 'openai', { input: 20, output: 2 }, { ts: '2025-11-01T10:15:00Z' }),
      response('acme-coder', 'acme', { input: 5 }, { ts: '2025-11-01T10:15:00Z' }),
      { type: 'api.error', ts: '2025-11-01T10:20:00Z', model: 'gpt-4o', engine: 'openai', error: 'overloaded' },
      response('gpt-4o', 'openai', { input: 1 }, { ts: '2025-11-01T23:59:59Z' }),
      response('gpt-4o', 'openai', { input: 2 }, { ts: '2025-11-02T00:00:00Z' }),
    );
    const version = section.priceDataVersion;
    const zero = { errors: 0, input_tokens: 0, output_tokens: 0, cache_read_tokens: 0, cache_write_5m_tokens: 0, cache_write_1h_tokens: 0, reasoning_tokens: 0, latency_ms: 0, latency_count: 0, cost_nano_usd: 0, unpriced_requests: 0 };
    const gpt = { model: 'gpt-4o', engine: 'openai', price_data_version: version, unpriced_reason: null };
    expect(facts).toEqual({
      usage: [
        { bucket: at('2025-11-01T10:00:00Z'), ...gpt, ...zero, requests: 1, input_tokens: 10, latency_ms: 100, latency_count: 1, cost_nano_usd: 25_000 },
        // $2.50 input and $10 output per million, and the error of the same bucket.
        { bucket: at('2025-11-01T10:15:00Z'), ...gpt, ...zero, requests: 2, errors: 1, input_tokens: 20, output_tokens: 2, cost_nano_usd: 70_000 },
        {
          bucket: at('2025-11-01T10:15:00Z'),
          model: 'acme-coder',
          engine: 'acme',
          price_data_version: version,
          unpriced_reason: section.models['acme-coder']!.unpricedReason,
          ...zero,
          requests: 1,
          input_tokens: 5,
          unpriced_requests: 1,
        },
        { bucket: at('2025-11-01T23:45:00Z'), ...gpt, ...zero, requests: 1, input_tokens: 1, cost_nano_usd: 2_500 },
        { bucket: at('2025-11-02T00:00:00Z'), ...gpt, ...zero, requests: 1, input_tokens: 2, cost_nano_usd: 5_000 },
      ],
      sessions: [{ bucket: at('2025-11-01T10:00:00Z'), price_data_version: version, sessions: 1, legacy_sessions: 0 }],
    });
  });

  it('hold only safe integers, a cost past 2^53 nano-dollars in one bucket spread over rows that add back up exactly', async () => {
    const { section, facts, warnings } = await foldTokens(...Array.from({ length: 20 }, () => response('o1-pro', 'openai', { input: MAX_TOKENS, output: MAX_TOKENS })));
    expect(warnings).toEqual([]);
    const rows = facts!['usage']!;
    expect(rows).toHaveLength(2);
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'number') expect(Number.isSafeInteger(value)).toBe(true);
    expect(rows.reduce((n, row) => n + BigInt(row['cost_nano_usd']!), 0n)).toBe(15_000_000_000_000_000n);
    expect(rows.reduce((n, row) => n + Number(row['requests']), 0)).toBe(20);
    expect(section.total.costNanoUsd).toBe('15000000000000000');
  });

  it('summed from a time on give only the requests completed from then, with the price data they were priced with', async () => {
    const { section, facts } = await foldTokens(
      response('gpt-4o', 'openai', { input: 100, output: 10 }, { ts: '2025-11-01T10:05:00Z' }),
      response('gpt-4o', 'openai', { input: 20, output: 2 }, { ts: '2025-11-01T10:15:00Z' }),
      response(SONNET, 'claude', { input: 3, cacheRead: 30 }, { ts: '2025-11-01T11:40:00Z' }),
    );
    const later = fromStore([facts!], { from: at('2025-11-01T10:15:00Z') });
    expect(later.total).toMatchObject({ requests: 2, inputTokens: 23, outputTokens: 2, cacheReadTokens: 30 });
    expect(Object.keys(later.models)).toEqual(['claude-sonnet-4-5-20250929', 'gpt-4o']);
    expect(later.priceDataVersion).toBe(section.priceDataVersion);
    expect(fromStore([facts!], { to: at('2025-11-01T10:15:00Z') }).total).toMatchObject({ requests: 1, inputTokens: 100, outputTokens: 10 });
  });
});
