import { Flags } from '@oclif/core';
import { TimeViewCommand } from '../../base/time-view-command.js';
import type { WeekStart } from '../../time-views/periods.js';

/** `rad stats weekly`: sessions, requests, tokens and cost per week. */
export default class StatsWeekly extends TimeViewCommand {
  static override summary = 'Show sessions, requests, tokens and cost per week, oldest first, with a TOTAL row.';
  static override description =
    'ISO weeks start on Monday (--start-of-week sunday for Sunday), in --timezone. Tokens and cost count in the period in which each response completed; a session counts in the period in which it started. ' +
    'Periods with no session and no request are left out. --json prints { timezone, unit, periods, total } (schema: schema/periods.schema.json).';
  static override examples = [
    { description: 'Every week', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Since a date, in a time zone, one row per model under each period', command: '<%= config.bin %> <%= command.id %> --since 2026-11-01 --timezone Europe/Paris --breakdown' },
    { description: 'Weeks starting on Sunday', command: '<%= config.bin %> <%= command.id %> --start-of-week sunday' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];

  static override flags = {
    ...TimeViewCommand.flags,
    'start-of-week': Flags.string({ description: 'First day of a week.', options: ['monday', 'sunday'], default: 'monday' }),
  };

  protected override weekStart(flags: Record<string, unknown>): WeekStart {
    return flags['start-of-week'] === 'sunday' ? 'sunday' : 'monday';
  }
  protected readonly unit = 'week';
}
