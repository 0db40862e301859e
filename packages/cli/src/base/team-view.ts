import { Flags } from '@oclif/core';
import { UsageError, escapeTerminal, type Host, type SessionCatalog, type StoreFilter, type TimeRange } from '@radium-stats/core';
import { Warehouse } from '../warehouse/client.js';
import type { WarehouseExecutor } from '../warehouse/executor.js';
import { WarehouseError } from '../warehouse/errors.js';
import { resolveTarget, warehouseSettings } from '../warehouse/settings.js';
import type { TeamGroupBy, TeamScope } from '../warehouse/team-sql.js';
import { TeamSource, groupKey, groupValues, type GroupValue } from '../warehouse/team-source.js';

/** `--warehouse`, `--developer`, `--machine` of every team view. */
export const teamFlags = {
  warehouse: Flags.boolean({ description: 'Answer from the team warehouse (ClickHouse, config `warehouse`) for everyone who pushed, instead of this workspace; nothing is imported.' }),
  developer: Flags.string({ description: 'With --warehouse: only this developer (as pushed: git user.email by default).', helpValue: 'NAME', dependsOn: ['warehouse'] }),
  machine: Flags.string({ description: 'With --warehouse: only this machine (as pushed: its hostname by default).', helpValue: 'NAME', dependsOn: ['warehouse'] }),
};

/** `--by` of the aggregate team views. */
export const byFlag = {
  by: Flags.string({ description: 'With --warehouse: one view per developer, project or agent, grouped in ClickHouse; JSON: { groups: [{ by, value, ... }] } (schema: schema/team-groups.schema.json).', options: ['developer', 'project', 'agent'], dependsOn: ['warehouse'] }),
};

/** Values of the team flags as oclif parses them. */
export interface TeamFlagValues {
  warehouse?: boolean | undefined;
  developer?: string | undefined;
  machine?: string | undefined;
  by?: string | undefined;
  'session-id'?: string | undefined;
}

/** `--by` JSON: one entry per group value, each the view's own JSON. */
export interface GroupsJson<T> {
  groups: ({ by: TeamGroupBy; value: GroupValue } & T)[];
}

/** A team view's warehouse and the source of its numbers; close it when done. */
export interface TeamView {
  source: TeamSource;
  warehouse: WarehouseExecutor;
  scope: TeamScope;
  /** The words of the team flags that applied, for the heading. */
  applied: string[];
}

/** Connects to the configured warehouse for a team view; it must hold sessions of the scope. */
export async function openTeamView(host: Host, flags: TeamFlagValues): Promise<TeamView> {
  if (flags['session-id'] !== undefined) throw new UsageError('--session-id cannot be used with --warehouse: the warehouse answers over many sessions; drop one of them.');
  const target = await resolveTarget(warehouseSettings(host.config, process.env, host.warnings.warn), process.env, async () => undefined);
  const warehouse = await Warehouse.connect(target);
  const scope: TeamScope = { developer: flags.developer, machine: flags.machine, by: flags.by as TeamGroupBy | undefined };
  const source = new TeamSource(warehouse, host.plugins, scope);
  const applied = [
    ...(flags.developer !== undefined ? [`developer ${escapeTerminal(JSON.stringify(flags.developer))}`] : []),
    ...(flags.machine !== undefined ? [`machine ${escapeTerminal(JSON.stringify(flags.machine))}`] : []),
  ];
  try {
    if ((await source.total()) === 0) {
      throw new WarehouseError(`The warehouse ${target.display} has no sessions${applied.length ? ` of ${applied.join(' and ')}` : ''}: push some with \`rad stats push\`.`);
    }
  } catch (error) {
    await warehouse.close();
    throw error;
  }
  return { source, warehouse, scope, applied };
}

/**
 * The host a view is computed with, its catalog answering from the warehouse for one group (or for
 * everyone): each question is asked of ClickHouse once for all groups, and every group reads its part.
 */
export function teamHosts(host: Host, view: TeamView): { hostOf(value: GroupValue): Host; values(filter: StoreFilter, only: readonly string[]): Promise<GroupValue[]> } {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: unknown[], make: () => Promise<T>): Promise<T> => {
    const k = JSON.stringify(key);
    if (!cache.has(k)) cache.set(k, make());
    return cache.get(k) as Promise<T>;
  };
  const warn = host.warnings.warn;
  const merged = (filter: StoreFilter, only?: readonly string[]) => once(['merged', filter, only ?? null], () => view.source.merged(filter, only, warn));
  const hostOf = (value: GroupValue): Host => {
    const key = groupKey(value);
    const catalog = {
      merged: async (filter: StoreFilter = {}, only?: readonly string[]) => (await merged(filter, only)).get(key) ?? { sessions: 0, plugins: {} },
      mergedByPeriod: async (filter: StoreFilter, periods: readonly TimeRange[], only: readonly string[]) =>
        (await once(['periods', filter, periods, only], () => view.source.mergedByPeriod(filter, periods, only, warn))).get(key) ?? [],
      span: (filter: StoreFilter = {}) => once(['span', filter], () => view.source.span(filter)),
      page: async () => ({ total: await view.source.total(), items: [] }),
    };
    return { ...host, catalog: catalog as unknown as SessionCatalog };
  };
  return { hostOf, values: async (filter, only) => groupValues((await merged(filter, only)).keys()) };
}

/** A group's heading in human output: `developer "a@example.com"`. */
export function groupHeading(by: TeamGroupBy, value: GroupValue): string {
  return value === null ? `${by}: (none)` : `${by}: ${escapeTerminal(value)}`;
}
