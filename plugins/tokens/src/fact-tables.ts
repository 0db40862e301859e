import type { FactColumn, FactTable } from '@radium-stats/core';

const integer = (name: string, description: string): FactColumn => ({ name, type: 'integer', description });
const text = (name: string, description: string): FactColumn => ({ name, type: 'text', description });

/** Measures of the `usage` table, all integers so sums are exact in any order. */
export const USAGE_MEASURES = [
  integer('requests', 'API requests made: successful responses plus errors'),
  integer('errors', 'Failed API requests (api.error)'),
  integer('input_tokens', 'Uncached prompt tokens'),
  integer('output_tokens', 'Generated tokens, reasoning included'),
  integer('cache_read_tokens', 'Prompt tokens read from the cache'),
  integer('cache_write_5m_tokens', 'Prompt tokens written to the cache with a 5 minute TTL'),
  integer('cache_write_1h_tokens', 'Prompt tokens written to the cache with a 1 hour TTL'),
  integer('reasoning_tokens', 'Reasoning tokens (already inside output_tokens)'),
  integer('latency_ms', 'Sum of the latencies of successful responses that recorded one, each in whole milliseconds'),
  integer('latency_count', 'Successful responses that recorded a latency'),
  integer('cost_nano_usd', 'Cost of the priced responses, in nano-dollars (1e-9 USD), each response rounded once'),
  integer('unpriced_requests', 'Successful responses with no known price'),
];

/**
 * Requests, tokens, latency and cost per 15-minute bucket of the responses' completion times (`ts`),
 * model, engine, price data and unpriced reason. Rows rebuilt from a report without facts know
 * either the model or the engine: the other is null, and such a row counts only where it is set.
 */
export const usageTable: FactTable = {
  name: 'usage',
  description: "A session's API requests in one 15-minute bucket of their completion times, for one model, engine, price data version and unpriced reason",
  dimensions: [
    text('model', 'Model name; null on a row rebuilt from a report that only knows its engine'),
    text('engine', 'Engine (provider backend); null on a row rebuilt from a report that only knows its model'),
    text('price_data_version', 'Price data the costs were computed with, e.g. genai-prices@0.1.8'),
    text('unpriced_reason', 'Why the unpriced responses of the row had no price; null for priced responses and errors'),
  ],
  measures: USAGE_MEASURES,
};

/**
 * One row per session, in the bucket of its start (known from the first event and fixed while a
 * live or abandoned session has no end): so a session without any request still lists its price
 * data, and legacy sessions are counted.
 */
export const sessionsTable: FactTable = {
  name: 'sessions',
  description: 'One session, in the 15-minute bucket of its start: the price data it was priced with and whether it came from a legacy report',
  dimensions: [text('price_data_version', 'Price data the session was priced with (radium-legacy for legacy reports)')],
  measures: [integer('sessions', 'Sessions: 1 per session'), integer('legacy_sessions', 'Sessions from legacy reports of the original Radium: 1 or 0')],
};

/** The tables of the tokens plugin. */
export const tokensFactTables: FactTable[] = [usageTable, sessionsTable];
