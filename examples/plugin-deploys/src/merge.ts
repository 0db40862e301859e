import type { DeploysSection } from './section.js';

/** Adds up the sections of many sessions (integer counts, so the sum is exact). */
export function mergeDeploys(sections: readonly DeploysSection[]): DeploysSection {
  const out: DeploysSection = { deploys: 0, failed: 0, byEnvironment: {} };
  for (const s of sections) {
    out.deploys += s.deploys;
    out.failed += s.failed;
    for (const [environment, counts] of Object.entries(s.byEnvironment)) {
      const into = (out.byEnvironment[environment] ??= { deploys: 0, failed: 0 });
      into.deploys += counts.deploys;
      into.failed += counts.failed;
    }
  }
  return out;
}
