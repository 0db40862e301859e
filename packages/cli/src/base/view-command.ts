import type { StoreFilter } from '@radium-stats/core';
import { RadCommand } from './rad-command.js';
import type { TeamFlagValues } from './team-view.js';
import { describeFilters, filterFlags, noMatch } from '../filters/filter-flags.js';
import { sessionIdFlag, workspaceFlag, noImportFlag } from './flags.js';
import { renderBlocks } from '../output/render-blocks.js';
import { findViewProvider, namedView } from '../views/named-view.js';
import { byFlag, groupHeading, openTeamView, teamFlags, teamHosts, type GroupsJson } from './team-view.js';
import type { TeamGroupBy } from '../warehouse/team-sql.js';

/** Shared body of `rad stats model` and `rad stats engine`: render a plugin's named view. */
export abstract class NamedViewCommand extends RadCommand {
  static override flags = {
    'session-id': sessionIdFlag('Session to show; default: every session, aggregated, with a TOTAL row.'),
    ...filterFlags,
    workspace: workspaceFlag,
    'no-import': noImportFlag,
    ...teamFlags,
    ...byFlag,
  };

  /** Name of the view (`model`, `engine`). */
  protected abstract readonly view: string;

  async run(): Promise<unknown> {
    const { flags } = await this.parse(this.ctor as typeof NamedViewCommand);
    const { filter, applied } = await this.parseFilter(flags);
    if (flags.warehouse) return this.fromWarehouse(flags, filter, applied);
    const host = await this.openViewHost(flags);
    const result = await namedView(host, this.view, flags['session-id'], filter, applied.length > 0);
    const heading = describeFilters(applied);
    if (!this.jsonEnabled()) {
      if (result.empty) this.print(noMatch(applied));
      else this.print([heading, renderBlocks(result.blocks, this.style, this.warnings.warn, this.width)].filter((x) => x !== undefined).join('\n\n'));
    }
    return result.json;
  }

  /** The view from the team warehouse: for everyone (or --developer, --machine), one per group with --by. No local store is opened. */
  private async fromWarehouse(flags: TeamFlagValues & { workspace?: string | undefined }, filter: StoreFilter, filterWords: string[]): Promise<unknown> {
    const host = await this.openHost(flags.workspace);
    const team = await openTeamView(host, flags);
    try {
      const applied = [...filterWords, ...team.applied];
      const heading = describeFilters(applied);
      const hosts = teamHosts(host, team);
      const filtered = applied.length > 0;
      if (!team.scope.by) {
        const result = await namedView(hosts.hostOf(null), this.view, undefined, filter, filtered);
        if (!this.jsonEnabled()) {
          if (result.empty) this.print(noMatch(applied));
          else this.print([heading, renderBlocks(result.blocks, this.style, this.warnings.warn, this.width)].filter((x) => x !== undefined).join('\n\n'));
        }
        return result.json;
      }
      const by: TeamGroupBy = team.scope.by;
      const provider = findViewProvider(host.plugins, this.view);
      const values = provider ? await hosts.values(filter, [provider.plugin.id]) : [];
      const groups: GroupsJson<Record<string, unknown>>['groups'] = [];
      const parts: string[] = [];
      for (const value of values) {
        const result = await namedView(hosts.hostOf(value), this.view, undefined, filter, true);
        groups.push({ by, value, ...(result.json as Record<string, unknown>) });
        if (!result.empty) parts.push(`${groupHeading(by, value)}\n\n${renderBlocks(result.blocks, this.style, this.warnings.warn, this.width)}`);
      }
      if (!this.jsonEnabled()) this.print(parts.length === 0 ? noMatch(applied) : [heading, ...parts].filter((x) => x !== undefined).join('\n\n'));
      return { groups };
    } finally {
      await team.warehouse.close();
    }
  }
}
