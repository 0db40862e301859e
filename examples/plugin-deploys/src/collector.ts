import type { Collector, SessionEvent } from '@radium-stats/core';
import { bucketOf, deploysTable, type DeployRow } from './facts.js';
import type { DeploysSection, EnvironmentCounts } from './section.js';

/** Custom event type this plugin counts. Any namespaced type passes the host's event check whole. */
export const DEPLOY_EVENT = 'acme.deploy';

/** Label used when a deploy event names no environment. */
export const NO_ENVIRONMENT = '(none)';

/** Counts `acme.deploy` events: all, failed (`success: false`), and per `environment`; and their fact rows. */
export function createDeploysCollector(): Collector<DeploysSection> {
  // Maps, not objects: environment names come from events, and `__proto__` must stay an ordinary name.
  const byEnvironment = new Map<string, EnvironmentCounts>();
  const rows = new Map<string, DeployRow>();
  let deploys = 0;
  let failed = 0;
  return {
    add(event: SessionEvent) {
      if (event.type !== DEPLOY_EVENT) return;
      const environment = typeof event.environment === 'string' && event.environment !== '' ? event.environment : NO_ENVIRONMENT;
      const fail = event.success === false ? 1 : 0;
      const counts = byEnvironment.get(environment) ?? { deploys: 0, failed: 0 };
      byEnvironment.set(environment, { deploys: counts.deploys + 1, failed: counts.failed + fail });
      deploys += 1;
      failed += fail;
      // One row per bucket and environment, summed within the session.
      const bucket = bucketOf(event.ts);
      const key = JSON.stringify([bucket, environment]);
      const row = rows.get(key) ?? { bucket, environment, deploys: 0, failed: 0 };
      rows.set(key, { ...row, deploys: row.deploys + 1, failed: row.failed + fail });
    },
    finish: () => ({ deploys, failed, byEnvironment: Object.fromEntries(byEnvironment) }),
    facts: () => ({ [deploysTable.name]: [...rows.values()] }),
  };
}
