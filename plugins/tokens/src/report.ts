import type { PluginReporter } from '@radium-stats/core';
import { compareTokens, tokensHistory } from './compare.js';
import type { TokensSection } from './section.js';
import { tokensSessionBlocks } from './session-view.js';
import { usageView } from './usage-view.js';
import { tokensPeriodView } from './period-view.js';

/** How the tokens section is shown: session blocks, compare rows, the history Cost cell, the model and engine views and the time views' rows. */
export const tokensReporter: PluginReporter<TokensSection> = {
  session: tokensSessionBlocks,
  compare: compareTokens,
  history: tokensHistory,
  views: {
    model: (section, scope) => usageView('model', section, scope),
    engine: (section, scope) => usageView('engine', section, scope),
  },
  period: tokensPeriodView,
};
