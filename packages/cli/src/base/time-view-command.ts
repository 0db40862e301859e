import { Flags } from '@oclif/core';
import { RadCommand } from './rad-command.js';
import { workspaceFlag, noImportFlag } from './flags.js';
import { describeFilters, filterFlags, noMatch } from '../filters/filter-flags.js';
import type { PeriodUnit, WeekStart } from '../time-views/periods.js';
import { renderTimeView } from '../time-views/render-time-view.js';
import { timeView, type TimeViewJson } from '../time-views/time-view.js';

/** Shared body of `rad stats daily`, `weekly` and `monthly`: usage per calendar period. */
export abstract class TimeViewCommand extends RadCommand {
  static override flags = {
    breakdown: Flags.boolean({ description: 'Add one row per model under each period.' }),
    ...filterFlags,
    timezone: Flags.string({ description: "IANA time zone of the periods and of --since and --until dates (default: the system's).", helpValue: 'ZONE' }),
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  /** The calendar unit of one row. */
  protected abstract readonly unit: PeriodUnit;

  /** The first day of a week (only `weekly` asks). */
  protected weekStart(_flags: Record<string, unknown>): WeekStart {
    return 'monday';
  }

  async run(): Promise<TimeViewJson | { timezone: string; unit: PeriodUnit; periods: []; total: null }> {
    const { flags } = await this.parse(this.ctor as typeof TimeViewCommand);
    const { filter, applied, timeZone } = await this.parseFilter(flags, true);
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
}
