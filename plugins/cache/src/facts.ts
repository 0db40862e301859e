import type { PluginFacts } from '@radium-stats/core';
import { cacheFactTables } from './fact-tables.js';
import { cacheToFacts } from './from-section.js';
import type { CacheSection } from './section.js';
import { cacheFromFacts } from './to-section.js';

/** The cache plugin's fact tables, and how its merged section comes back from their sums. */
export const cacheFacts: PluginFacts<CacheSection> = {
  tables: cacheFactTables,
  toSection: (summed) => cacheFromFacts(summed),
  fromSection: cacheToFacts,
};
