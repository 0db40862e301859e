import { TimeViewCommand } from '../../base/time-view-command.js';

/** `rad stats monthly`: sessions, requests, tokens and cost per calendar month. */
export default class StatsMonthly extends TimeViewCommand {
  static override summary = 'Show sessions, requests, tokens and cost per calendar month, oldest first, with a TOTAL row.';
  static override description =
    'Tokens and cost count in the period in which each response completed; a session counts in the period in which it started. ' +
    'Periods with no session and no request are left out. --json prints { timezone, unit, periods, total } (schema: schema/periods.schema.json).';
  static override examples = [
    { description: 'Every calendar month', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Since a date, in a time zone, one row per model under each period', command: '<%= config.bin %> <%= command.id %> --since 2026-11-01 --timezone Europe/Paris --breakdown' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];

  protected readonly unit = 'month';
}
