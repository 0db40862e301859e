export { timingPlugin } from './plugin.js';
export { timingSectionSchema, measuredDurationSchema, timedSumSchema, type TimingSection, type MeasuredDuration, type TimedSum } from './section.js';
export { createTimingCollector } from './collector.js';
export { mergeTiming } from './merge.js';
export { timingFromLegacy } from './legacy.js';
export { unionLength, type Interval } from './intervals.js';
export { timingFactTables, timingSessionsTable } from './fact-tables.js';
export { timingFromFacts } from './facts-to-section.js';
export { timingFacts } from './fact-rows.js';
