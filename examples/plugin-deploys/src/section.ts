import type { SchemaLike } from '@radium-stats/core';

/** Deploys to one environment. */
export interface EnvironmentCounts {
  /** `acme.deploy` events for this environment. */
  deploys: number;
  /** Of those, the ones with `success: false`. */
  failed: number;
}

/** The `deploys` section of a session report (or of many sessions merged). */
export interface DeploysSection {
  /** `acme.deploy` events in the session. */
  deploys: number;
  /** Deploys with `success: false`. */
  failed: number;
  /** Counts per `environment` (`(none)` when the event named none). */
  byEnvironment: Record<string, EnvironmentCounts>;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isCounts = (v: unknown): v is EnvironmentCounts =>
  typeof v === 'object' && v !== null && isCount((v as EnvironmentCounts).deploys) && isCount((v as EnvironmentCounts).failed);

/** What is wrong with a value that should be a section, or undefined when it is one. */
function problem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'expected an object';
  const s = v as Partial<DeploysSection>;
  if (!isCount(s.deploys)) return 'deploys: expected a count';
  if (!isCount(s.failed)) return 'failed: expected a count';
  if (typeof s.byEnvironment !== 'object' || s.byEnvironment === null) return 'byEnvironment: expected an object';
  const bad = Object.entries(s.byEnvironment).find(([, counts]) => !isCounts(counts));
  return bad ? `byEnvironment.${bad[0]}: expected { deploys, failed }` : undefined;
}

/**
 * Checks a stored section. A hand-written `safeParse` keeps this package free of runtime
 * dependencies; zod from npm works just as well (the host only calls `safeParse`).
 */
export const deploysSectionSchema: SchemaLike<DeploysSection> = {
  safeParse(value) {
    const reason = problem(value);
    return reason === undefined ? { success: true, data: value as DeploysSection } : { success: false, error: { message: reason } };
  },
};
