export { toolsPlugin } from './plugin.js';
export { toolsSectionSchema, toolStatsSchema, decisionCountsSchema, type ToolsSection, type ToolStats, type DecisionCounts } from './section.js';
export { createToolsCollector } from './collector.js';
export { mergeTools, summarizeTools } from './merge.js';
export { toolsFromLegacy } from './legacy.js';
export { successRate, agreementRate } from './values.js';
