import { Flags } from '@oclif/core';
import { RadCommand } from '../../base/rad-command.js';
import { TimeViewCommand } from '../../base/time-view-command.js';
import { describeFilters, noMatch } from '../../filters/filter-flags.js';
import { CALENDAR_METRICS, calendarView, type CalendarJson, type CalendarMetric } from '../../time-views/calendar.js';
import { renderCalendar } from '../../time-views/render-calendar.js';

// The time views' filters, zone and workspace flags; one row per model makes no sense in a heatmap.
const { breakdown: _breakdown, ...timeViewFlags } = TimeViewCommand.flags;

/** `rad stats calendar`: a heatmap of each day's cost, tokens or sessions over the last 52 weeks. */
export default class StatsCalendar extends RadCommand {
  static override summary = 'Show a heatmap of daily cost (or tokens, or sessions) over the last 52 weeks, as GitHub draws contributions.';
  static override description =
    'Weeks are columns and weekdays rows; the last column is the week of --until, or of today. Each day is shaded by its rank among the days with anything (quarters), ' +
    'in green on a terminal, in block shades ( ░▒▓█) with NO_COLOR or in a pipe. The numbers are those of `rad stats daily`. ' +
    '--json prints { timezone, weekStart, metric, from, to, levels, days, total } with every day (schema: schema/calendar.schema.json).';
  static override examples = [
    { description: 'Daily cost over the last year', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Sessions started per day, weeks from Sunday, in a time zone', command: '<%= config.bin %> <%= command.id %> --metric sessions --start-of-week sunday --timezone Europe/Paris' },
    { description: 'The year up to a date, one agent only', command: '<%= config.bin %> <%= command.id %> --until 2026-12-31 --agent claude' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];

  static override flags = {
    metric: Flags.string({ description: 'What shades each day.', options: [...CALENDAR_METRICS], default: 'cost' }),
    'start-of-week': Flags.string({ description: 'First day of a week (the top row).', options: ['monday', 'sunday'], default: 'monday' }),
    ...timeViewFlags,
  };

  async run(): Promise<CalendarJson> {
    const { flags } = await this.parse(StatsCalendar);
    const { filter, applied, timeZone } = await this.parseFilter(flags, true);
    const host = await this.openViewHost(flags);
    const weekStart = flags['start-of-week'] === 'sunday' ? 'sunday' : 'monday';
    const view = await calendarView(host, { zone: timeZone, weekStart, metric: flags.metric as CalendarMetric, filter, nowMs: Date.now() }, applied.length > 0);
    if (!view.total) {
      this.print(noMatch(applied));
      return view;
    }
    if (!this.jsonEnabled()) {
      const heading = describeFilters(applied);
      this.print([heading, renderCalendar(view, { width: this.width, style: this.style })].filter((x) => x !== undefined).join('\n\n'));
    }
    return view;
  }
}
