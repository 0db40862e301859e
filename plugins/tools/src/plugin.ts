import { PLUGIN_API_VERSION, type MetricPlugin } from '@radium-stats/core';
import { createToolsCollector } from './collector.js';
import { toolFactsFromSection } from './fact-rows.js';
import { toolsFactTables } from './fact-tables.js';
import { toolsFromFacts } from './facts-to-section.js';
import { toolsFromLegacy } from './legacy.js';
import { mergeTools, summarizeTools } from './merge.js';
import { toolsReporter } from './report.js';
import { toolsSectionSchema, type ToolsSection } from './section.js';

/** Tool calls, success rate, per-tool durations and user decisions. */
export const toolsPlugin: MetricPlugin<ToolsSection> = {
  id: 'tools',
  apiVersion: PLUGIN_API_VERSION,
  title: 'Tools',
  description: 'Tool calls, success rate, time per tool and how often the user agreed with them',
  section: toolsSectionSchema,
  createCollector: () => createToolsCollector(),
  facts: { tables: toolsFactTables, toSection: toolsFromFacts, fromSection: toolFactsFromSection },
  merge: mergeTools,
  summarize: summarizeTools,
  fromLegacy: toolsFromLegacy,
  report: toolsReporter,
};
