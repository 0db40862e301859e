import { PLUGIN_API_VERSION, type MetricPlugin } from '@radium-stats/core';
import { createCacheCollector } from './collector.js';
import { cacheFacts } from './facts.js';
import { cacheFromLegacy } from './legacy.js';
import { mergeCache } from './merge.js';
import { cacheReporter } from './report.js';
import { cacheSectionSchema, type CacheSection } from './section.js';

/** Prompt cache effectiveness: hit rate, cache reads and writes, and what the cache saved in dollars. */
export const cachePlugin: MetricPlugin<CacheSection> = {
  id: 'cache',
  apiVersion: PLUGIN_API_VERSION,
  title: 'Prompt cache',
  description: 'Cache hit rate, cache read and write tokens, and dollar savings per model and overall',
  section: cacheSectionSchema,
  createCollector: createCacheCollector,
  facts: cacheFacts,
  merge: mergeCache,
  fromLegacy: cacheFromLegacy,
  report: cacheReporter,
};
