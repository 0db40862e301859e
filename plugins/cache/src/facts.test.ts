import { MAX_TOKENS, sumFactRows, type FactRows } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { foldCache, foldLive, response, type Folded } from '../test/fold.js';
import { cacheFacts } from './facts.js';
import { cacheFromLegacy } from './legacy.js';
import { mergeCache } from './merge.js';
import type { CacheSection } from './section.js';

const SONNET = 'claude-sonnet-4-5-20250929';
const at = (iso: string) => Date.parse(iso);

/** What the store hands the plugin for these sessions: their rows as stored in report files, summed per dimension. */
function fromStore(facts: FactRows[], range: { from?: number; to?: number } = {}): CacheSection {
  const stored = facts.map((f) => JSON.parse(JSON.stringify(f)) as FactRows);
  return cacheFacts.toSection(sumFactRows(cacheFacts.tables, stored, range), { sessions: facts.length });
}

/** A session as the store sees it: its section and its fact rows (rebuilt from the section when the report has none). */
interface Stored {
  section: CacheSection;
  facts: FactRows;
}

const withFacts = ({ section, facts }: Folded): Stored => ({ section, facts: facts! });
const withoutFacts = (section: CacheSection, bucket: number): Stored => ({ section, facts: cacheFacts.fromSection!(section, bucket) });

async function mix(): Promise<Stored[]> {
  const priced = await foldCache(
    response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }),
    response('gpt-4o', 'openai', { input: 10, cacheRead: 90 }, { ts: '2025-11-01T10:16:00Z' }),
    // Writes cost more than reads saved: negative savings.
    response(SONNET, 'claude', { input: 10, cacheWrite: 1_000, cacheWrite1h: 1_000 }, { ts: '2025-11-01T10:29:00Z' }),
  );
  // llama3 is unpriced for two reasons; the one met first in time is not the first in order.
  const unpriced = await foldCache(
    response('llama3', 'acme', { input: 40, cacheRead: 4 }),
    response('llama3', 'ollama', { input: 30, cacheRead: 3 }),
    response('acme-coder', 'acme', { input: 500 }),
    response('gemini-2.5-pro', 'gemini', { input: 200, cacheRead: 800 }),
  );
  const empty = await foldCache();
  const live = await foldLive(
    '2025-11-01T23:50:00Z',
    response('gpt-4o', 'openai', { input: 7, cacheRead: 70 }, { ts: '2025-11-01T23:59:59Z' }),
    response('gpt-4o', 'azure', { input: 9 }, { ts: '2025-11-02T00:00:01Z' }),
  );
  // 1,700 billion-token cache reads save $9.18 million, past 2^53 nano-dollars in one bucket.
  const huge = await foldCache(...Array.from({ length: 1_700 }, () => response('claude-sonnet-4-5', 'claude', { cacheRead: MAX_TOKENS })));
  return [
    withFacts(priced),
    withFacts(unpriced),
    withFacts(empty),
    withFacts(live),
    withFacts(huge),
    withoutFacts(cacheFromLegacy(), at('2025-10-07T04:00:00Z')),
    withoutFacts(cacheFromLegacy(), at('2025-10-08T04:00:00Z')),
    // A report written before facts, priced with older price data.
    withoutFacts({ ...priced.section, priceDataVersion: 'genai-prices@0.0.1' }, at('2025-09-01T08:00:00Z')),
  ];
}

describe('cache facts', () => {
  it('summed over any sessions give the section merge gives: priced and unpriced models, negative and $9 million savings, legacy, live and empty sessions', async () => {
    const sessions = await mix();
    const check = (some: Stored[]) => expect(fromStore(some.map((s) => s.facts))).toEqual(mergeCache(some.map((s) => s.section)));
    check(sessions);
    check([...sessions].reverse());
    for (const one of sessions) check([one]);
    check(sessions.slice(0, 4));
    check(sessions.slice(5, 7));
    check([]);
    const merged = fromStore(sessions.map((s) => s.facts));
    expect(merged).toMatchObject({ legacySessions: 2, notMeasuredReason: null, unpricedModels: ['acme-coder', 'llama3'] });
    expect(merged.priceDataVersion.split(', ')).toEqual(['genai-prices@0.0.1', sessions[0]!.section.priceDataVersion]);
    expect(merged.total.readSavingsNanoUsd).toMatch(/^9\d{15}$/);
    expect(fromStore(sessions.slice(5, 7).map((s) => s.facts)).notMeasuredReason).toBe('not measured by legacy Radium reports');
  });

  it('give a model unpriced for several reasons the same reason whatever order the sessions come in', async () => {
    const local = (await foldCache(response('llama3', 'ollama', { input: 1 }))).section;
    const unknown = (await foldCache(response('llama3', 'acme', { input: 1 }))).section;
    expect(mergeCache([unknown, local])).toEqual(mergeCache([local, unknown]));
    expect(mergeCache([unknown, local]).models['llama3']!.unpricedReason).toMatch(/^engine ollama runs locally/);
  });

  it('are one row per 15-minute bucket of completion time, model and unpriced reason, across a bucket edge and midnight', async () => {
    const { section, facts } = await foldCache(
      response('gpt-4o', 'openai', { input: 2_000, cacheRead: 8_000 }, { ts: '2025-11-01T10:14:59.999Z' }),
      response('gpt-4o', 'openai', { input: 100, cacheRead: 400 }, { ts: '2025-11-01T10:15:00Z' }),
      response('acme-coder', 'acme', { input: 5, cacheRead: 50 }, { ts: '2025-11-01T10:15:00Z' }),
      response(SONNET, 'claude', { input: 10, cacheWrite: 1_000, cacheWrite1h: 1_000 }, { ts: '2025-11-01T23:59:59Z' }),
      response('gpt-4o', 'openai', { cacheRead: 2 }, { ts: '2025-11-02T00:00:00Z' }),
    );
    const version = section.priceDataVersion;
    const zero = { requests: 1, input_tokens: 0, cache_read_tokens: 0, cache_write_5m_tokens: 0, cache_write_1h_tokens: 0, read_savings_nano_usd: 0, write_premium_nano_usd: 0, unpriced_requests: 0 };
    const priced = (model: string) => ({ model, price_data_version: version, unpriced_reason: null });
    expect(facts).toEqual({
      usage: [
        // gpt-4o: $2.50 input, $1.25 cached input per million, so each cache read saves 1,250 nano-dollars.
        { bucket: at('2025-11-01T10:00:00Z'), ...priced('gpt-4o'), ...zero, input_tokens: 2_000, cache_read_tokens: 8_000, read_savings_nano_usd: 10_000_000 },
        { bucket: at('2025-11-01T10:15:00Z'), ...priced('gpt-4o'), ...zero, input_tokens: 100, cache_read_tokens: 400, read_savings_nano_usd: 500_000 },
        {
          bucket: at('2025-11-01T10:15:00Z'),
          model: 'acme-coder',
          price_data_version: version,
          unpriced_reason: section.models['acme-coder']!.unpricedReason,
          ...zero,
          input_tokens: 5,
          cache_read_tokens: 50,
          unpriced_requests: 1,
        },
        { bucket: at('2025-11-01T23:45:00Z'), ...priced(SONNET), ...zero, input_tokens: 10, cache_write_5m_tokens: 1_000, cache_write_1h_tokens: 1_000, write_premium_nano_usd: 3_750_000 },
        { bucket: at('2025-11-02T00:00:00Z'), ...priced('gpt-4o'), ...zero, cache_read_tokens: 2, read_savings_nano_usd: 2_500 },
      ],
      sessions: [{ bucket: at('2025-11-01T10:00:00Z'), price_data_version: version, not_measured_reason: null, sessions: 1, legacy_sessions: 0 }],
    });
  });

  it('hold only safe integers, savings past 2^53 nano-dollars in one bucket spread over rows that add back up exactly', async () => {
    const { section, facts, warnings } = await foldCache(...Array.from({ length: 1_700 }, () => response('claude-sonnet-4-5', 'claude', { cacheRead: MAX_TOKENS })));
    expect(warnings).toEqual([]);
    const rows = facts!['usage']!;
    expect(rows).toHaveLength(2);
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'number') expect(Number.isSafeInteger(value)).toBe(true);
    expect(rows.reduce((n, row) => n + BigInt(row['read_savings_nano_usd']!), 0n)).toBe(1_700n * 5_400_000_000_000n);
    expect(section.total.readSavingsNanoUsd).toBe('9180000000000000');
  });

  it('summed from a time on give only the responses completed from then, with their hit rate and savings', async () => {
    const { section, facts } = await foldCache(
      response('gpt-4o', 'openai', { input: 100, cacheRead: 900 }, { ts: '2025-11-01T10:05:00Z' }),
      response('gpt-4o', 'openai', { input: 300, cacheRead: 100 }, { ts: '2025-11-01T10:15:00Z' }),
      response(SONNET, 'claude', { input: 100, cacheRead: 500 }, { ts: '2025-11-01T11:40:00Z' }),
    );
    const later = fromStore([facts!], { from: at('2025-11-01T10:15:00Z') });
    expect(later.total).toMatchObject({ requests: 2, inputTokens: 400, cacheReadTokens: 600, hitRate: 0.6 });
    expect(later.models['gpt-4o']).toMatchObject({ requests: 1, hitRate: 0.25, readSavingsNanoUsd: 125_000 });
    expect(later.priceDataVersion).toBe(section.priceDataVersion);
    expect(fromStore([facts!], { to: at('2025-11-01T10:15:00Z') }).total).toMatchObject({ requests: 1, inputTokens: 100, cacheReadTokens: 900, hitRate: 0.9 });
  });
});
