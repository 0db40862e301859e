import { type CompareRow, formatInteger, type HistoryCell, nanoToUsd } from '@radium-stats/core';
import type { TokensSection } from './section.js';
import { formatRowCost, formatTotalCost } from './format.js';

/** Input plus output tokens; input is the uncached prompt, as in the Model Usage table. */
function totalTokens(section: TokensSection): number {
  return section.total.inputTokens + section.total.outputTokens;
}

function tokenDetail(section: TokensSection): string {
  const t = section.total;
  return `${formatInteger(t.inputTokens)} input, ${formatInteger(t.outputTokens)} output (total: ${formatInteger(totalTokens(section))})`;
}

/** Cost in USD, or null when part of the session is unpriced (then the difference cannot be known). */
function knownCost(section: TokensSection): number | null {
  return section.total.costUsd === null ? null : nanoToUsd(section.total.costNanoUsd);
}

/** `Token Usage` (order 10) and `Cost` (order 20) sections of `rad stats compare`. */
export function compareTokens(a: TokensSection, b: TokensSection): CompareRow[] {
  return [
    { section: 'Token Usage', label: 'Delta', unit: 'tokens', a: totalTokens(a), b: totalTokens(b), detail: { a: tokenDetail(a), b: tokenDetail(b) }, order: 10 },
    {
      section: 'Cost',
      label: 'Delta',
      unit: 'usd',
      a: knownCost(a),
      b: knownCost(b),
      detail: { a: formatTotalCost(a.total, a.unpricedModels), b: formatTotalCost(b.total, b.unpricedModels) },
      order: 20,
    },
  ];
}

/** The Cost cell of `rad stats history` (order 40). */
export function tokensHistory(section: TokensSection): HistoryCell[] {
  return [{ column: 'Cost', value: formatRowCost(section.total), order: 40 }];
}
