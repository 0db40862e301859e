import { formatInteger, formatNotAvailable, type NamedView, nanoToUsd, type TableColumn, type ViewBlock, type ViewScope } from '@radium-stats/core';
import type { TokensSection, UsageRow } from './section.js';
import { formatLatency, formatRowCost } from './format.js';
import { priceDataBlock, priceDataUses } from './price-data.js';

/** Which breakdown a view shows. */
export type UsageKind = 'model' | 'engine';

/** The number columns: their headers, shorter headers and the order a narrow terminal leaves them out in. */
const HEADERS: { header: string; short?: string; drop?: number }[] = [
  { header: 'Requests', drop: 4 },
  { header: 'Input Tokens', short: 'Input' },
  { header: 'Output Tokens', short: 'Output' },
  { header: 'Cached Tokens', short: 'Cached' },
  { header: 'Cache Writes', short: 'Writes', drop: 3 },
  { header: 'Errors', drop: 2 },
  { header: 'Avg Latency', short: 'Latency', drop: 1 },
];

function columns(kind: UsageKind): TableColumn[] {
  return [
    { header: kind === 'model' ? 'Model' : 'Engine', align: 'left', width: 31 },
    // The first column's padding is the gap before Requests, as in the spec's header line.
    ...HEADERS.map(({ header, ...narrow }, i): TableColumn => ({ header, align: 'right', width: header.length + (i === 0 ? 0 : 2), ...narrow })),
    { header: 'Cost', align: 'left', width: 'Cost'.length + 2 },
  ];
}

/** Cost first (unpriced last), then requests, then name, so the biggest spenders lead. */
function byCostThenRequests([aKey, a]: [string, UsageRow], [bKey, b]: [string, UsageRow]): number {
  const cost = (r: UsageRow) => (r.costUsd === null ? -1 : nanoToUsd(r.costNanoUsd));
  return cost(b) - cost(a) || b.requests - a.requests || (aKey < bKey ? -1 : aKey > bKey ? 1 : 0);
}

/** Whether fields legacy reports lacked can be shown for this scope. */
function unmeasured(section: TokensSection, scope: ViewScope): boolean {
  return section.legacySessions > 0 && section.legacySessions >= Math.max(scope.sessions, 1);
}

function cells(label: string, row: UsageRow, legacyOnly: boolean): string[] {
  const na = formatNotAvailable();
  return [
    label,
    formatInteger(row.requests),
    formatInteger(row.inputTokens),
    formatInteger(row.outputTokens),
    formatInteger(row.cacheReadTokens),
    legacyOnly ? na : formatInteger(row.cacheWriteTokens + row.cacheWrite1hTokens),
    legacyOnly ? na : formatInteger(row.errors),
    formatLatency(legacyOnly ? null : row.avgLatencyMs),
    formatRowCost(row),
  ];
}

/** Row fields as the `--json` payload gives them; fields the sources never measured are null. */
function rowJson(row: UsageRow, legacyOnly: boolean) {
  return {
    requests: row.requests,
    errors: legacyOnly ? null : row.errors,
    inputTokens: row.inputTokens,
    outputTokens: row.outputTokens,
    cacheReadTokens: row.cacheReadTokens,
    cacheWriteTokens: legacyOnly ? null : row.cacheWriteTokens,
    cacheWrite1hTokens: legacyOnly ? null : row.cacheWrite1hTokens,
    reasoningTokens: legacyOnly ? null : row.reasoningTokens,
    avgLatencyMs: legacyOnly ? null : row.avgLatencyMs,
    costUsd: row.costUsd,
    pricedCostUsd: nanoToUsd(row.costNanoUsd),
    unpriced: row.unpricedRequests > 0,
    unpricedReason: row.unpricedReason,
  };
}

function title(kind: UsageKind, scope: ViewScope): string {
  const what = kind === 'model' ? 'Model Usage' : 'Engine Usage';
  return scope.kind === 'all' ? `Aggregated ${what} (All Sessions)` : `${what} (Session ${scope.sessionId ?? 'unknown'})`;
}

/** Rows whose usage all came from legacy reports: what those never measured is n/a on them. */
function legacyOnlyKeys(kind: UsageKind, section: TokensSection): Set<string> {
  return new Set(kind === 'model' ? section.legacyOnly?.models : section.legacyOnly?.engines);
}

function notes(kind: UsageKind, section: TokensSection, rows: [string, UsageRow][], legacyOnly: boolean, legacyRows: boolean): ViewBlock[] {
  const out: ViewBlock[] = [];
  if (section.unpricedModels.length > 0) {
    out.push({ kind: 'note', order: 2, text: `Unpriced (no cost counted): ${section.unpricedModels.join(', ')}. Set prices in prices.overrides of .radium/stats.config.json.` });
  }
  if (legacyOnly) {
    out.push({ kind: 'note', order: 3, text: 'Cache writes, errors and latency: n/a (not measured by legacy Radium reports).' });
  } else if (section.legacySessions > 0) {
    const rowsNa = legacyRows ? `; n/a for ${kind === 'model' ? 'a model' : 'an engine'} only they used` : '';
    out.push({ kind: 'note', order: 3, text: `Cache writes, errors and latency leave out ${section.legacySessions} legacy session(s), which did not measure them${rowsNa}.` });
  } else if (rows.some(([, row]) => row.avgLatencyMs === null && row.requests > 0)) {
    out.push({ kind: 'note', order: 3, text: 'Avg Latency n/a: no response of that row recorded its latency.' });
  }
  return out;
}

/** The `model` or `engine` view: a title, the usage table with a TOTAL row, and notes on anything not known. */
export function usageView(kind: UsageKind, section: TokensSection, scope: ViewScope): NamedView {
  const rows = Object.entries(kind === 'model' ? section.models : section.engines).sort(byCostThenRequests);
  const legacyKeys = legacyOnlyKeys(kind, section);
  // The total too when every row shown is legacy-only (a filter may leave only those).
  const legacyOnly = unmeasured(section, scope) || (rows.length > 0 && rows.every(([key]) => legacyKeys.has(key)));
  const rowLegacy = (key: string) => legacyOnly || legacyKeys.has(key);
  const blocks: ViewBlock[] = [{ kind: 'note', order: 0, text: title(kind, scope) }];
  if (rows.length === 0) {
    blocks.push({ kind: 'note', order: 1, text: 'No model requests recorded.' });
  } else {
    blocks.push({
      kind: 'table',
      order: 1,
      columns: columns(kind),
      rows: rows.map(([key, row]) => cells(key, row, rowLegacy(key))),
      footer: [cells('TOTAL', section.total, legacyOnly)],
    });
    blocks.push(...notes(kind, section, rows, legacyOnly, legacyKeys.size > 0));
  }
  const priceData = priceDataUses(section, scope);
  // The model view says which price data priced what: a change of prices or overrides shows here once re-priced.
  const priceBlock = kind === 'model' && rows.length > 0 ? priceDataBlock(priceData, scope, 4) : undefined;
  if (priceBlock) blocks.push(priceBlock);
  const list = rows.map(([key, row]) => ({ [kind]: key, ...rowJson(row, rowLegacy(key)) }));
  return {
    blocks,
    json: {
      scope,
      priceDataVersion: section.priceDataVersion,
      priceData,
      [kind === 'model' ? 'models' : 'engines']: list,
      total: rowJson(section.total, legacyOnly),
      unpricedModels: section.unpricedModels,
      legacySessions: section.legacySessions,
    },
  };
}
