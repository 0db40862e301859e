import type { PluginFacts } from '@radium-stats/core';
import { tokensFactTables } from './fact-tables.js';
import { tokensToFacts } from './from-section.js';
import type { TokensSection } from './section.js';
import { tokensFromFacts } from './to-section.js';

/** The tokens plugin's fact tables, and how its merged section comes back from their sums. */
export const tokensFacts: PluginFacts<TokensSection> = {
  tables: tokensFactTables,
  toSection: (summed) => tokensFromFacts(summed),
  fromSection: tokensToFacts,
};
