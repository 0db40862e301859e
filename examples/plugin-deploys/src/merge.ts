import type { DeploysSection, EnvironmentCounts } from './section.js';

/** Adds up the sections of many sessions (integer counts, so the sum is exact). */
export function mergeDeploys(sections: readonly DeploysSection[]): DeploysSection {
  // A Map: an environment named `__proto__` must add up like any other.
  const byEnvironment = new Map<string, EnvironmentCounts>();
  let deploys = 0;
  let failed = 0;
  for (const s of sections) {
    deploys += s.deploys;
    failed += s.failed;
    for (const [environment, counts] of Object.entries(s.byEnvironment)) {
      const into = byEnvironment.get(environment) ?? { deploys: 0, failed: 0 };
      byEnvironment.set(environment, { deploys: into.deploys + counts.deploys, failed: into.failed + counts.failed });
    }
  }
  return { deploys, failed, byEnvironment: Object.fromEntries(byEnvironment) };
}
