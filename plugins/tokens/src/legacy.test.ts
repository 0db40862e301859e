import { legacyMetricsSchema } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { tokensFromLegacy } from './legacy.js';
import { tokensSectionSchema } from './section.js';

const legacy = legacyMetricsSchema.parse({
  session_id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337',
  start_time: '2025-12-07T04:00:00.123456789Z',
  model_usage: {
    'claude-3-sonnet': { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 700, estimated_cost: 0.18 },
  },
  engine_usage: { claude: { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 700, estimated_cost: 0.18 } },
  total_cost: 0.18,
});

describe('fromLegacy', () => {
  it('keeps the usage and the cost the original Radium stored, marked with its price data', () => {
    const section = tokensFromLegacy(legacy);
    expect(tokensSectionSchema.safeParse(section).success).toBe(true);
    expect(section.priceDataVersion).toBe('radium-legacy');
    expect(section.models['claude-3-sonnet']).toMatchObject({ requests: 12, inputTokens: 50_000, outputTokens: 2_000, cacheReadTokens: 700, costUsd: 0.18 });
    expect(section.engines.claude!.costNanoUsd).toBe(180_000_000);
    expect(section.legacySessions).toBe(1);
  });

  it('keeps a total cost no model row explains', () => {
    const section = tokensFromLegacy({ ...legacy, model_usage: {}, engine_usage: {}, total_cost: 0.5 });
    expect(section.total.costUsd).toBe(0.5);
  });
});
