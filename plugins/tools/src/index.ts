export { toolsPlugin } from './plugin.js';
export { toolsSectionSchema, toolStatsSchema, decisionCountsSchema, type ToolsSection, type ToolStats, type DecisionCounts } from './section.js';
export { createToolsCollector } from './collector.js';
export { mergeTools, summarizeTools } from './merge.js';
export { toolsFromLegacy } from './legacy.js';
export { successRate, agreementRate } from './values.js';
export { toolsFactTables, toolCallsTable, toolSessionsTable } from './fact-tables.js';
export { toolsFromFacts } from './facts-to-section.js';
export { toolFactsFromSection } from './fact-rows.js';
