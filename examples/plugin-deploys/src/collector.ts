import type { Collector, SessionEvent } from '@radium-stats/core';
import type { DeploysSection } from './section.js';

/** Custom event type this plugin counts. Any namespaced type passes the host's event check whole. */
export const DEPLOY_EVENT = 'acme.deploy';

/** Label used when a deploy event names no environment. */
export const NO_ENVIRONMENT = '(none)';

/** Counts `acme.deploy` events: all, failed (`success: false`), and per `environment`. */
export function createDeploysCollector(): Collector<DeploysSection> {
  const section: DeploysSection = { deploys: 0, failed: 0, byEnvironment: {} };
  return {
    add(event: SessionEvent) {
      if (event.type !== DEPLOY_EVENT) return;
      const environment = typeof event.environment === 'string' && event.environment !== '' ? event.environment : NO_ENVIRONMENT;
      const failed = event.success === false ? 1 : 0;
      const counts = (section.byEnvironment[environment] ??= { deploys: 0, failed: 0 });
      counts.deploys += 1;
      counts.failed += failed;
      section.deploys += 1;
      section.failed += failed;
    },
    finish: () => section,
  };
}
