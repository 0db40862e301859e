import { PLUGIN_API_VERSION, type MetricPlugin } from '@radium-stats/core';
import { createTokensCollector } from './collector.js';
import { tokensFacts } from './facts.js';
import { tokensFromLegacy } from './legacy.js';
import { mergeTokens } from './merge.js';
import { tokensReporter } from './report.js';
import { tokensSectionSchema, type TokensSection } from './section.js';

/** Tokens and cost per model and per engine, each request priced on its own. */
export const tokensPlugin: MetricPlugin<TokensSection> = {
  id: 'tokens',
  apiVersion: PLUGIN_API_VERSION,
  title: 'Tokens and cost',
  description: 'Requests, errors, tokens by kind, latency and cost per model and per engine',
  section: tokensSectionSchema,
  createCollector: createTokensCollector,
  facts: tokensFacts,
  merge: mergeTokens,
  fromLegacy: tokensFromLegacy,
  report: tokensReporter,
};
