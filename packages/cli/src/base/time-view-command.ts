import { Flags } from '@oclif/core';
import { RadCommand } from './rad-command.js';
import { workspaceFlag, noImportFlag } from './flags.js';
import { describeFilters, filterFlags, noMatch } from '../filters/filter-flags.js';
import type { PeriodUnit, WeekStart } from '../time-views/periods.js';
import { renderTimeView } from '../time-views/render-time-view.js';
import { periodProvider, timeView, type TimeViewJson } from '../time-views/time-view.js';
import type { StoreFilter } from '@radium-stats/core';
import { byFlag, groupHeading, openTeamView, teamFlags, teamHosts, type GroupsJson, type TeamFlagValues } from './team-view.js';
import type { TeamGroupBy } from '../warehouse/team-sql.js';

/** Shared body of `rad stats daily`, `weekly` and `monthly`: usage per calendar period. */
export abstract class TimeViewCommand extends RadCommand {
  static override flags = {
    breakdown: Flags.boolean({ description: 'Add one row per model under each period.' }),
    ...filterFlags,
    timezone: Flags.string({ description: "IANA time zone of the periods and of --since and --until dates (default: the system's).", helpValue: 'ZONE' }),
    workspace: workspaceFlag,
    'no-import': noImportFlag,
    ...teamFlags,
    ...byFlag,
  };

  /** The calendar unit of one row. */
  protected abstract readonly unit: PeriodUnit;

  /** The first day of a week (only `weekly` asks). */
  protected weekStart(_flags: Record<string, unknown>): WeekStart {
    return 'monday';
  }

  async run(): Promise<TimeViewJson | { timezone: string; unit: PeriodUnit; periods: []; total: null } | GroupsJson<TimeViewJson>> {
    const { flags } = await this.parse(this.ctor as typeof TimeViewCommand);
    const { filter, applied, timeZone } = await this.parseFilter(flags, true);
    if (flags.warehouse) return this.fromWarehouse(flags, { filter, applied, timeZone });
    const host = await this.openViewHost(flags);
    const view = await timeView(host, { unit: this.unit, zone: timeZone, weekStart: this.weekStart(flags), filter }, applied.length > 0);
    if (!view) {
      this.print(noMatch(applied));
      return { timezone: timeZone, unit: this.unit, periods: [], total: null };
    }
    if (!this.jsonEnabled()) {
      const heading = describeFilters(applied);
      this.print([heading, renderTimeView(view, { breakdown: flags.breakdown, width: this.width, style: this.style })].filter((x) => x !== undefined).join('\n\n'));
    }
    return view;
  }

  /** The view from the team warehouse: for everyone (or --developer, --machine), one per group with --by. No local store is opened. */
  private async fromWarehouse(
    flags: TeamFlagValues & { breakdown: boolean; workspace?: string | undefined },
    parsed: { filter: StoreFilter; applied: string[]; timeZone: string },
  ): Promise<TimeViewJson | { timezone: string; unit: PeriodUnit; periods: []; total: null } | GroupsJson<TimeViewJson>> {
    const host = await this.openHost(flags.workspace);
    const team = await openTeamView(host, flags);
    try {
      const applied = [...parsed.applied, ...team.applied];
      const heading = describeFilters(applied);
      const hosts = teamHosts(host, team);
      const query = { unit: this.unit, zone: parsed.timeZone, weekStart: this.weekStart(flags as unknown as Record<string, unknown>), filter: parsed.filter };
      const render = (view: TimeViewJson) => renderTimeView(view, { breakdown: flags.breakdown, width: this.width, style: this.style });
      if (!team.scope.by) {
        const view = await timeView(hosts.hostOf(null), query, applied.length > 0);
        if (!view) {
          this.print(noMatch(applied));
          return { timezone: parsed.timeZone, unit: this.unit, periods: [], total: null };
        }
        if (!this.jsonEnabled()) this.print([heading, render(view)].filter((x) => x !== undefined).join('\n\n'));
        return view;
      }
      const by: TeamGroupBy = team.scope.by;
      const values = await hosts.values(parsed.filter, [periodProvider(host, this.unit).id]);
      const groups: GroupsJson<TimeViewJson>['groups'] = [];
      const parts: string[] = [];
      for (const value of values) {
        const view = await timeView(hosts.hostOf(value), query, true);
        if (!view) continue;
        groups.push({ by, value, ...view });
        parts.push(`${groupHeading(by, value)}\n\n${render(view)}`);
      }
      if (!this.jsonEnabled()) this.print(parts.length === 0 ? noMatch(applied) : [heading, ...parts].filter((x) => x !== undefined).join('\n\n'));
      return { groups };
    } finally {
      await team.warehouse.close();
    }
  }
}
