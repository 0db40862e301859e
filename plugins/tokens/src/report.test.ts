import { legacyMetricsSchema, type FieldBlock, type NoteBlock, type TableBlock, type TableColumn } from '@radium-stats/core';
import { describe, expect, it } from 'vitest';
import { buildSection } from './build-section.js';
import { tokensFromLegacy } from './legacy.js';
import { mergeTokens } from './merge.js';
import { compareTokens, tokensHistory } from './compare.js';
import type { TokensSection, UsageRow } from './section.js';
import { tokensSessionBlocks } from './session-view.js';
import { usageView } from './usage-view.js';
import { emptyRow } from './usage-row.js';

function row(fields: Partial<UsageRow>): UsageRow {
  return { ...emptyRow(), ...fields };
}

function section(models: Record<string, Partial<UsageRow>>, engines: Record<string, Partial<UsageRow>> = {}): TokensSection {
  return buildSection({
    priceDataVersion: 'genai-prices@0.1.8',
    models: new Map(Object.entries(models).map(([k, v]) => [k, row(v)])),
    engines: new Map(Object.entries(engines).map(([k, v]) => [k, row(v)])),
    legacySessions: 0,
  });
}

/** Lays a table out the way the CLI does: each cell padded to its column width, no extra gaps. */
function layout(columns: TableColumn[], cells: string[]): string {
  return cells.map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(columns[i]!.width ?? 0) : cell.padEnd(columns[i]!.width ?? 0))).join('').trimEnd();
}

// The spec's session example.
const spec = section({
  'gemini-3-pro-preview': { requests: 168, inputTokens: 31_056_954, outputTokens: 44_268, cacheReadTokens: 12_000, costNanoUsd: 125_000_000 },
  'gemini-2.5-flash-lite': { requests: 28, inputTokens: 60_389, outputTokens: 2_422, cacheReadTokens: 5_000, costNanoUsd: 2_500_000 },
});

describe('session view', () => {
  it("lays out the Model Usage table line for line as the spec's example, rows sorted by model", () => {
    const table = tokensSessionBlocks(spec)[0] as TableBlock;
    expect(table).toMatchObject({ kind: 'table', title: 'Model Usage', titleInHeader: true, order: 30 });
    expect(layout(table.columns, table.columns.map((c) => c.header))).toBe('Model Usage                  Reqs   Input Tokens  Output Tokens');
    expect(table.rows.map((r) => layout(table.columns, r))).toEqual([
      'gemini-2.5-flash-lite          28         60,389          2,422',
      'gemini-3-pro-preview          168     31,056,954         44,268',
    ]);
  });

  it('shows the estimated cost in a Cost block after the table', () => {
    const cost = tokensSessionBlocks(spec)[1] as FieldBlock;
    expect(cost).toMatchObject({ kind: 'fields', title: 'Cost', order: 40 });
    expect(cost.rows[0]).toMatchObject({ label: 'Estimated Cost', value: '$0.1275' });
    expect(cost.rows.at(-1)).toMatchObject({ label: 'Price Data', value: 'genai-prices@0.1.8' });
  });

  it('names unpriced models next to the priced sum instead of counting them as $0', () => {
    const mixed = section({
      'gpt-4o': { requests: 1, costNanoUsd: 10_000_000 },
      'acme-coder': { requests: 2, unpricedRequests: 2, unpricedReason: 'no price known for acme-coder (engine acme)' },
    });
    const cost = tokensSessionBlocks(mixed)[1] as FieldBlock;
    expect(cost.rows[0]!.value).toBe('$0.0100 + unpriced: acme-coder');
    expect(cost.rows[1]).toMatchObject({ label: 'acme-coder', indent: 1, value: 'unpriced (no price known for acme-coder (engine acme))' });
    const onlyUnpriced = section({ 'acme-coder': { requests: 2, unpricedRequests: 2, unpricedReason: 'x' } });
    expect((tokensSessionBlocks(onlyUnpriced)[1] as FieldBlock).rows[0]!.value).toBe('n/a (unpriced: acme-coder)');
  });

  it('says so when the session made no model requests', () => {
    const [usage, cost] = tokensSessionBlocks(section({}));
    expect(usage).toMatchObject({ kind: 'note', title: 'Model Usage', text: 'No model requests recorded.' });
    expect((cost as FieldBlock).rows[0]!.value).toBe('$0.0000');
  });
});

describe('model and engine views', () => {
  it('titles the aggregate and the single-session view as the spec does', () => {
    expect((usageView('model', spec, { kind: 'all', sessions: 3 }).blocks[0] as NoteBlock).text).toBe('Aggregated Model Usage (All Sessions)');
    expect((usageView('model', spec, { kind: 'session', sessions: 1, sessionId: 'abc' }).blocks[0] as NoteBlock).text).toBe('Model Usage (Session abc)');
    expect((usageView('engine', spec, { kind: 'all', sessions: 3 }).blocks[0] as NoteBlock).text).toBe('Aggregated Engine Usage (All Sessions)');
  });

  it("has the spec's header, rows by cost, extra columns before Cost, and a TOTAL footer", () => {
    const table = usageView('model', spec, { kind: 'all', sessions: 1 }).blocks[1] as TableBlock;
    const header = layout(table.columns, table.columns.map((c) => c.header));
    expect(header.startsWith('Model                          Requests  Input Tokens  Output Tokens  Cached Tokens')).toBe(true);
    expect(table.columns.map((c) => c.header).slice(5)).toEqual(['Cache Writes', 'Errors', 'Avg Latency', 'Cost']);
    expect(table.rows.map((r) => r[0])).toEqual(['gemini-3-pro-preview', 'gemini-2.5-flash-lite']);
    expect(table.rows[0]).toEqual(['gemini-3-pro-preview', '168', '31,056,954', '44,268', '12,000', '0', '0', 'n/a', '$0.1250']);
    expect(table.footer).toEqual([['TOTAL', '196', '31,117,343', '46,690', '17,000', '0', '0', 'n/a', '$0.1275']]);
  });

  it('gives every per-model field in JSON, with null where a number is not known', () => {
    const json = usageView('model', spec, { kind: 'all', sessions: 1 }).json as { models: Record<string, unknown>[]; total: Record<string, unknown> };
    expect(json.models[0]).toEqual({
      model: 'gemini-3-pro-preview',
      requests: 168,
      errors: 0,
      inputTokens: 31_056_954,
      outputTokens: 44_268,
      cacheReadTokens: 12_000,
      cacheWriteTokens: 0,
      cacheWrite1hTokens: 0,
      reasoningTokens: 0,
      avgLatencyMs: null,
      costUsd: 0.125,
      pricedCostUsd: 0.125,
      unpriced: false,
      unpricedReason: null,
    });
    expect(json.total.costUsd).toBe(0.1275);
  });

  it('lists engines in the engine view', () => {
    const s = section({ a: { requests: 1 } }, { gemini: { requests: 1, latencyTotalMs: 2_400, latencyCount: 1 } });
    const view = usageView('engine', s, { kind: 'session', sessions: 1, sessionId: 'x' });
    expect((view.blocks[1] as TableBlock).rows[0]!.slice(0, 2)).toEqual(['gemini', '1']);
    expect((view.blocks[1] as TableBlock).rows[0]![7]).toBe('2.4s');
    expect((view.json as { engines: { engine: string }[] }).engines[0]!.engine).toBe('gemini');
  });

  it('shows n/a for what legacy reports never measured', () => {
    const legacy = { ...spec, legacySessions: 1 };
    const view = usageView('model', legacy, { kind: 'session', sessions: 1, sessionId: 'old' });
    expect((view.blocks[1] as TableBlock).rows[0]!.slice(5, 8)).toEqual(['n/a', 'n/a', 'n/a']);
    expect((view.json as { models: { errors: number | null }[] }).models[0]!.errors).toBeNull();
  });

  it('shows n/a on the rows of models only legacy reports used, over all sessions', () => {
    const merged = mergeTokens([
      tokensFromLegacy(legacyMetricsSchema.parse({
        session_id: 'old',
        start_time: '2025-12-07T04:00:00Z',
        model_usage: { 'claude-3-sonnet': { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 0, estimated_cost: 0.18 } },
        engine_usage: { claude: { requests: 12, input_tokens: 50_000, output_tokens: 2_000, cached_tokens: 0, estimated_cost: 0.18 } },
        total_cost: 0.18,
      })),
      section({ 'gemini-2.5-pro': { requests: 2, errors: 1, cacheWriteTokens: 30, latencyTotalMs: 3_000, latencyCount: 1, costNanoUsd: 1_000_000 } }, { gemini: { requests: 2, errors: 1 } }),
    ]);
    const view = usageView('model', merged, { kind: 'all', sessions: 2 });
    const table = view.blocks[1] as TableBlock;
    expect(table.rows.map((r) => [r[0], ...r.slice(5, 8)])).toEqual([
      ['claude-3-sonnet', 'n/a', 'n/a', 'n/a'],
      ['gemini-2.5-pro', '30', '1', '3.0s'],
    ]);
    expect(table.footer![0]!.slice(5, 8)).toEqual(['30', '1', '3.0s']);
    expect(view.blocks[2]).toMatchObject({ text: 'Cache writes, errors and latency leave out 1 legacy session(s), which did not measure them; n/a for a model only they used.' });
    const models = (view.json as { models: { model: string; errors: number | null; cacheWriteTokens: number | null; reasoningTokens: number | null }[] }).models;
    expect(models.map((m) => [m.model, m.errors, m.cacheWriteTokens, m.reasoningTokens])).toEqual([
      ['claude-3-sonnet', null, null, null],
      ['gemini-2.5-pro', 1, 30, 0],
    ]);
    const engines = (usageView('engine', merged, { kind: 'all', sessions: 2 }).blocks[1] as TableBlock).rows;
    expect(engines.map((r) => [r[0], r[6]])).toEqual([['claude', 'n/a'], ['gemini', '1']]);
  });
});

describe('compare and history', () => {
  const a = section({ m: { requests: 1, inputTokens: 50_000, outputTokens: 2_000, costNanoUsd: 125_000_000 } });
  const b = section({ m: { requests: 1, inputTokens: 45_000, outputTokens: 1_800, costNanoUsd: 110_000_000 } });

  it('compares token totals and cost with the detail lines of the spec', () => {
    const [tokens, cost] = compareTokens(a, b);
    expect(tokens).toEqual({
      section: 'Token Usage',
      label: 'Delta',
      unit: 'tokens',
      a: 52_000,
      b: 46_800,
      detail: { a: '50,000 input, 2,000 output (total: 52,000)', b: '45,000 input, 1,800 output (total: 46,800)' },
      order: 10,
    });
    expect(cost).toEqual({ section: 'Cost', label: 'Delta', unit: 'usd', a: 0.125, b: 0.11, detail: { a: '$0.1250', b: '$0.1100' }, order: 20 });
  });

  it('has no cost delta when a session is partly unpriced', () => {
    const unpriced = section({ m: { requests: 1, unpricedRequests: 1 } });
    expect(compareTokens(a, unpriced)[1]).toMatchObject({ a: 0.125, b: null, detail: { b: 'n/a (unpriced: m)' } });
  });

  it('gives the history Cost cell', () => {
    expect(tokensHistory(a)).toEqual([{ column: 'Cost', value: '$0.1250', order: 40 }]);
  });
});
