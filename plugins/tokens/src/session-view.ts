import { formatInteger, type FieldRow, type ViewBlock } from '@radium-stats/core';
import { LEGACY_PRICE_DATA } from './legacy.js';
import type { TokensSection } from './section.js';
import { formatTotalCost } from './format.js';

/** The spec's `Model Usage` table: first column 29 wide, then Reqs, Input Tokens (uncached) and Output Tokens. */
function modelUsage(section: TokensSection): ViewBlock {
  const models = Object.entries(section.models);
  if (models.length === 0) return { kind: 'note', title: 'Model Usage', order: 30, text: 'No model requests recorded.' };
  return {
    kind: 'table',
    title: 'Model Usage',
    titleInHeader: true,
    order: 30,
    columns: [
      { header: 'Model Usage', align: 'left', width: 29 },
      { header: 'Reqs', align: 'right', width: 4 },
      { header: 'Input Tokens', align: 'right', width: 15 },
      { header: 'Output Tokens', align: 'right', width: 15 },
    ],
    rows: models.map(([model, row]) => [model, formatInteger(row.requests), formatInteger(row.inputTokens), formatInteger(row.outputTokens)]),
  };
}

function costRows(section: TokensSection): FieldRow[] {
  const rows: FieldRow[] = [{ label: 'Estimated Cost', value: formatTotalCost(section.total, section.unpricedModels), order: 10 }];
  for (const model of section.unpricedModels) {
    rows.push({ label: model, value: `unpriced (${section.models[model]?.unpricedReason ?? 'no price known'})`, indent: 1, order: 11 });
  }
  const legacy = section.priceDataVersion === LEGACY_PRICE_DATA;
  rows.push({ label: 'Price Data', value: legacy ? `${LEGACY_PRICE_DATA} (as the original Radium computed it)` : section.priceDataVersion, order: 20 });
  return rows;
}

/** Blocks for `rad stats session`: the Model Usage table (order 30) and the Cost block (order 40). */
export function tokensSessionBlocks(section: TokensSection): ViewBlock[] {
  return [modelUsage(section), { kind: 'fields', title: 'Cost', order: 40, rows: costRows(section) }];
}
