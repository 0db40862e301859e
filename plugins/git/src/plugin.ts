import { PLUGIN_API_VERSION, type MetricPlugin } from '@radium-stats/core';
import { createGitCollector } from './collector.js';
import { gitFacts } from './fact-rows.js';
import { gitFactTables } from './fact-tables.js';
import { gitFromFacts } from './facts-to-section.js';
import { snapshotHook } from './hooks.js';
import { gitSectionFromLegacy } from './legacy.js';
import { mergeGitSections, summarizeGitSection } from './merge.js';
import { gitReporter } from './report.js';
import { gitSectionSchema, type GitSection } from './section.js';

/** Code changes: lines added and removed and files changed during a session, from git snapshots. */
export const gitPlugin: MetricPlugin<GitSection> = {
  id: 'git',
  apiVersion: PLUGIN_API_VERSION,
  title: 'Code Changes',
  description: 'Lines added and removed and files changed during the session, by diffing working-tree snapshots taken at its start and end.',
  section: gitSectionSchema,
  createCollector: createGitCollector,
  facts: { tables: gitFactTables, toSection: gitFromFacts, fromSection: gitFacts },
  onSessionStart: (context) => snapshotHook(context, 'start'),
  onSessionEnd: (context) => snapshotHook(context, 'end'),
  merge: mergeGitSections,
  summarize: summarizeGitSection,
  fromLegacy: gitSectionFromLegacy,
  report: gitReporter,
};
