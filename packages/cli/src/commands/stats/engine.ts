import { NamedViewCommand } from '../../base/view-command.js';

/** `rad stats engine`: the same per provider backend. */
export default class StatsEngine extends NamedViewCommand {
  static override summary = 'Show requests, tokens and cost per engine (provider backend: gemini, claude, openai…).';
  static override description =
    'Without --session-id every session is aggregated and a TOTAL row is added. The view comes from the tokens plugin; ' +
    '--json prints its JSON (schema: schema/engine.schema.json).';
  static override examples = [
    { description: 'Aggregated across all sessions', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'For one session', command: '<%= config.bin %> <%= command.id %> --session-id 3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> --json' },
  ];
  protected readonly view = 'engine';
}
