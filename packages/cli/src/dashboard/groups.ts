import type { Host, SessionColumn, StoreFilter } from '@radium-stats/core';
import { namedView } from '../views/named-view.js';

/** The parts of `rad stats model --json` the dashboard reads. */
export interface ModelViewJson {
  scope: { sessions: number };
  models: ({ model: string } & UsageJson)[];
  total: UsageJson;
  unpricedModels: string[];
}

/** A usage row of `rad stats model --json`. */
export interface UsageJson {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number | null;
  cacheWrite1hTokens: number | null;
  costUsd: number | null;
  pricedCostUsd: number;
}

/** Usage of one agent or project, as `rad stats model --agent X|--project X --json` counts it. */
export interface GroupUsage {
  /** The agent or project; null for the sessions that have none. */
  name: string | null;
  sessions: number;
  requests: number;
  /** Input, output, cache read and cache write tokens. */
  tokens: number;
  pricedCostUsd: number;
  /** Some of its responses may not have been priced (their cost is left out). */
  unpriced: boolean;
  /** Projects inside this project's folder, whose usage has its own row and is left out of this one. */
  inside?: string[];
}

/** All tokens of a usage row (cache writes a legacy report never measured count as none). */
export const tokensOf = (u: UsageJson): number => u.inputTokens + u.outputTokens + u.cacheReadTokens + (u.cacheWriteTokens ?? 0) + (u.cacheWrite1hTokens ?? 0);

/** Dollars with the nano-dollar grain of the views, so a difference of two sums does not show float noise. */
const usd = (n: number) => Math.round(n * 1e9) / 1e9;

function usageOf(name: string | null, json: ModelViewJson): GroupUsage {
  return { name, sessions: json.scope.sessions, requests: json.total.requests, tokens: tokensOf(json.total), pricedCostUsd: json.total.pricedCostUsd, unpriced: json.total.costUsd === null };
}

function minus(a: GroupUsage, parts: readonly GroupUsage[]): GroupUsage {
  const sum = (pick: (g: GroupUsage) => number) => parts.reduce((s, g) => s + pick(g), 0);
  return {
    ...a,
    sessions: a.sessions - sum((g) => g.sessions),
    requests: a.requests - sum((g) => g.requests),
    tokens: a.tokens - sum((g) => g.tokens),
    pricedCostUsd: Math.max(0, usd(a.pricedCostUsd - sum((g) => g.pricedCostUsd))),
    // Which part the unpriced responses were in is not known: the remainder keeps the flag (its cost is the priced part either way).
    unpriced: a.unpriced,
  };
}

/** Whether project `inner` is inside folder `outer` (not the folder itself). */
const isInside = (inner: string, outer: string) => inner.startsWith(outer.endsWith('/') ? outer : `${outer}/`);

/**
 * Usage per agent or per project, highest cost first: each value's `rad stats model --json` with the
 * dashboard's filter narrowed to it. A project's numbers leave out the projects inside its folder
 * (they have their own rows, and `--project` counts a folder with everything in it), so the rows
 * add up to `total`; sessions with no agent or project are one more row when there are any.
 */
export async function usageByGroup(host: Host, filter: StoreFilter, column: Extract<SessionColumn, 'agent' | 'project'>, total: ModelViewJson): Promise<GroupUsage[]> {
  // Sessions started before --since may have facts after it: the values come from every matching session, whatever its start.
  const { sinceMs: _since, untilMs: _until, ...sessionFilter } = filter;
  const values = (await host.catalog.columnValues(sessionFilter, column)).map((v) => v.value);
  const whole = new Map<string, GroupUsage>();
  for (const value of values) {
    const view = await namedView(host, 'model', undefined, { ...filter, [column]: value }, true);
    whole.set(value, usageOf(value, view.json as ModelViewJson));
  }
  const rows: GroupUsage[] = [];
  for (const [value, usage] of whole) {
    // The projects directly inside this one: inside it, and inside no other project that is inside it.
    const inner = column === 'project' ? values.filter((v) => isInside(v, value) && !values.some((w) => w !== v && isInside(w, value) && isInside(v, w))) : [];
    rows.push(inner.length > 0 ? { ...minus(usage, inner.map((v) => whole.get(v)!)), inside: inner } : usage);
  }
  // Only top-level values partition the total (a project's row counts its inner projects' sessions, before they were taken out above).
  const topLevel = column === 'project' ? values.filter((v) => !values.some((w) => w !== v && isInside(v, w))) : values;
  const rest = minus(usageOf(null, total), topLevel.map((v) => whole.get(v)!));
  if (rest.sessions > 0 || rest.requests > 0) rows.push(rest);
  return rows.filter((r) => r.sessions > 0 || r.requests > 0).sort((a, b) => b.pricedCostUsd - a.pricedCostUsd || b.tokens - a.tokens || (a.name ?? '').localeCompare(b.name ?? ''));
}
