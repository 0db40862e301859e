export { deploysPlugin } from './plugin.js';
export { createDeploysCollector, DEPLOY_EVENT, NO_ENVIRONMENT } from './collector.js';
export { mergeDeploys } from './merge.js';
export { deploysFacts, deploysTable, deploysFromFacts, bucketOf, type DeployRow } from './facts.js';
export { deploysReporter, environmentTable } from './report.js';
export { deploysSectionSchema, type DeploysSection, type EnvironmentCounts } from './section.js';
