import { TimeViewCommand } from '../../base/time-view-command.js';

/** `rad stats daily`: sessions, requests, tokens and cost per calendar day. */
export default class StatsDaily extends TimeViewCommand {
  static override summary = 'Show sessions, requests, tokens and cost per calendar day, oldest first, with a TOTAL row.';
  static override description =
    'Tokens and cost count in the period in which each response completed; a session counts in the period in which it started. ' +
    'Periods with no session and no request are left out. --json prints { timezone, unit, periods, total } (schema: schema/periods.schema.json).';
  static override examples = [
    { description: 'Every calendar day', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Since a date, in a time zone, one row per model under each period', command: '<%= config.bin %> <%= command.id %> --since 2026-11-01 --timezone Europe/Paris --breakdown' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];

  protected readonly unit = 'day';
}
