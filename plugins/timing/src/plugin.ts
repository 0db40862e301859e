import { PLUGIN_API_VERSION, type MetricPlugin } from '@radium-stats/core';
import { createTimingCollector } from './collector.js';
import { timingFacts } from './fact-rows.js';
import { timingFactTables } from './fact-tables.js';
import { timingFromFacts } from './facts-to-section.js';
import { timingFromLegacy } from './legacy.js';
import { mergeTiming } from './merge.js';
import { timingReporter } from './report.js';
import { timingSectionSchema, type TimingSection } from './section.js';

/** Wall time, agent active time (API + tool), and busy time. */
export const timingPlugin: MetricPlugin<TimingSection> = {
  id: 'timing',
  apiVersion: PLUGIN_API_VERSION,
  title: 'Timing',
  description: 'Wall time, API time, tool time, agent active time and busy time of a session',
  section: timingSectionSchema,
  createCollector: () => createTimingCollector(),
  facts: { tables: timingFactTables, toSection: timingFromFacts, fromSection: timingFacts },
  merge: mergeTiming,
  fromLegacy: timingFromLegacy,
  report: timingReporter,
};
