import type { FactColumn, FactTable } from '@radium-stats/core';

const integer = (name: string, description: string): FactColumn => ({ name, type: 'integer', description });
const text = (name: string, description: string): FactColumn => ({ name, type: 'text', description });

/**
 * Cache tokens and savings per 15-minute bucket of the responses' completion times (`ts`), model,
 * price data and unpriced reason; hit rates and net savings are derived from the sums.
 */
export const usageTable: FactTable = {
  name: 'usage',
  description: "A session's successful API responses in one 15-minute bucket of their completion times, for one model, price data version and unpriced reason",
  dimensions: [
    text('model', 'Model name'),
    text('price_data_version', 'Price data the savings were computed with, e.g. genai-prices@0.1.8'),
    text('unpriced_reason', 'Why the unpriced responses of the row had no price; null for priced responses'),
  ],
  measures: [
    integer('requests', 'Successful API responses'),
    integer('input_tokens', 'Uncached prompt tokens'),
    integer('cache_read_tokens', 'Prompt tokens read from the cache'),
    integer('cache_write_5m_tokens', 'Prompt tokens written to the cache with a 5 minute TTL'),
    integer('cache_write_1h_tokens', 'Prompt tokens written to the cache with a 1 hour TTL'),
    integer('read_savings_nano_usd', 'Cache reads at the uncached input price minus what they cost, priced responses only, in nano-dollars (1e-9 USD)'),
    integer('write_premium_nano_usd', 'Cache writes minus the same tokens at the uncached input price, priced responses only, in nano-dollars'),
    integer('unpriced_requests', 'Responses with no known price'),
  ],
};

/**
 * One row per session, in the bucket of its start (known from the first event and fixed while a
 * live or abandoned session has no end): so a session without responses still names its price
 * data, and legacy sessions, which never measured the cache, are counted.
 */
export const sessionsTable: FactTable = {
  name: 'sessions',
  description: 'One session, in the 15-minute bucket of its start: the price data it was priced with, or why its cache use was not measured',
  dimensions: [
    text('price_data_version', 'Price data the session was priced with; null when not measured'),
    text('not_measured_reason', 'Why the session has no cache numbers (a legacy report); null when measured'),
  ],
  measures: [integer('sessions', 'Sessions: 1 per session'), integer('legacy_sessions', 'Sessions from legacy reports of the original Radium: 1 or 0')],
};

/** The tables of the cache plugin. */
export const cacheFactTables: FactTable[] = [usageTable, sessionsTable];
