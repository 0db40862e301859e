import type { PluginReporter } from '@radium-stats/core';
import { compareCache } from './compare.js';
import type { CacheSection } from './section.js';
import { cacheSessionBlocks } from './session-view.js';

/** How the cache section is shown: the session's Cache block and the compare rows. */
export const cacheReporter: PluginReporter<CacheSection> = {
  session: cacheSessionBlocks,
  compare: compareCache,
};
