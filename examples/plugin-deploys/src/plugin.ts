import type { MetricPlugin } from '@radium-stats/core';
import { createDeploysCollector } from './collector.js';
import { deploysFacts } from './facts.js';
import { mergeDeploys } from './merge.js';
import { deploysReporter } from './report.js';
import { deploysSectionSchema, type DeploysSection } from './section.js';

/**
 * The deploys metric: a plain object satisfying rad's plugin contract. Written against plugin
 * API 2 (typed facts); the number is spelled out because this package has no runtime dependency on rad.
 */
export const deploysPlugin: MetricPlugin<DeploysSection> = {
  id: 'deploys',
  apiVersion: 2,
  title: 'Deploys',
  description: 'Counts acme.deploy events: all, failed, and per environment.',
  section: deploysSectionSchema,
  createCollector: () => createDeploysCollector(),
  facts: deploysFacts,
  merge: (sections) => mergeDeploys(sections),
  report: deploysReporter,
};
