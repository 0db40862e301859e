import type { CompareRow } from '@radium-stats/core';
import { describeHitRate } from './format.js';
import type { CacheSection } from './section.js';

const hitRate = (s: CacheSection) => (s.notMeasuredReason === null ? s.total.hitRate : null);
const savings = (s: CacheSection) => (s.notMeasuredReason === null ? s.total.savingsUsd : null);
const detail = (s: CacheSection) => (s.notMeasuredReason === null ? describeHitRate(s.total) : `n/a (${s.notMeasuredReason})`);

/** The `Cache` section of `rad stats compare` (order 60): hit rate as a ratio and savings in USD. */
export function compareCache(a: CacheSection, b: CacheSection): CompareRow[] {
  return [
    { section: 'Cache', label: 'Hit Rate', unit: 'ratio', a: hitRate(a), b: hitRate(b), detail: { a: detail(a), b: detail(b) }, order: 60 },
    { section: 'Cache', label: 'Savings', unit: 'usd', a: savings(a), b: savings(b), order: 60 },
  ];
}
