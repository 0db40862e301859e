import type { FactRow, FactTable, PluginFacts, SummedFactRow } from '@radium-stats/core';
import type { DeploysSection, EnvironmentCounts } from './section.js';

/** Length of rad's fact buckets: 15 minutes, so a day is exact in every time zone. */
const BUCKET_MS = 15 * 60 * 1000;

/**
 * Start of the 15-minute bucket holding an ISO time, in epoch ms (what rad's `factBucket` does;
 * spelled out because this package has no runtime dependency on rad).
 */
export function bucketOf(ts: string): number {
  return Math.floor(Date.parse(ts) / BUCKET_MS) * BUCKET_MS;
}

/** The one fact table: deploys of one session to one environment in one 15-minute bucket. */
export const deploysTable: FactTable = {
  name: 'deploys',
  description: "A session's acme.deploy events to one environment in one 15-minute bucket (by the event's ts)",
  dimensions: [{ name: 'environment', type: 'text', description: 'The event\'s environment; "(none)" when it named none' }],
  measures: [
    { name: 'deploys', type: 'integer', description: 'acme.deploy events' },
    { name: 'failed', type: 'integer', description: 'Of those, the ones with success: false' },
  ],
};

/** A row of the `deploys` table, as the collector emits it. */
export type DeployRow = FactRow & { environment: string; deploys: number; failed: number };

/**
 * The section of the selected sessions from the rows rad summed (grouped by environment): the same
 * as `mergeDeploys` over their sections. A failure rate would be derived here, never stored.
 */
export function deploysFromFacts(summed: Record<string, SummedFactRow[]>): DeploysSection {
  const byEnvironment = new Map<string, EnvironmentCounts>();
  let deploys = 0;
  let failed = 0;
  for (const row of summed[deploysTable.name] ?? []) {
    const environment = String(row['environment']);
    // Sums past 2^53 - 1 arrive as bigint; a count of deploys never gets there.
    const counts = { deploys: Number(row['deploys']), failed: Number(row['failed']) };
    const into = byEnvironment.get(environment) ?? { deploys: 0, failed: 0 };
    byEnvironment.set(environment, { deploys: into.deploys + counts.deploys, failed: into.failed + counts.failed });
    deploys += counts.deploys;
    failed += counts.failed;
  }
  return { deploys, failed, byEnvironment: Object.fromEntries(byEnvironment) };
}

/** The plugin's facts: rad makes a table from the declaration and hands the summed rows back. */
export const deploysFacts: PluginFacts<DeploysSection> = {
  tables: [deploysTable],
  toSection: deploysFromFacts,
};
