import type { SessionReport } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag, noImportFlag } from '../../base/flags.js';
import { renderBlocks } from '../../output/render-blocks.js';
import { activeReport } from '../../views/active-report.js';
import { selectSession } from '../../views/select-session.js';
import { sessionBlocks } from '../../views/session-view.js';

/** `rad stats session`: one session's summary. */
export default class StatsSession extends RadCommand {
  static override summary = 'Show the current (live) or most recent session.';
  static override description =
    'Every metric plugin adds its part: tool calls and success rate, code changes, wall, API and tool time, and per-model tokens. ' +
    'With --json the session report is printed (schema: schema/session.schema.json), holding the sections of the plugins switched on.';
  static override examples = [
    { description: 'The live or most recent session', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'One session by id', command: '<%= config.bin %> <%= command.id %> --session-id 3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
    { description: 'As JSON, for scripts', command: '<%= config.bin %> <%= command.id %> --json' },
    { description: 'Another workspace', command: '<%= config.bin %> <%= command.id %> --workspace examples/workspace' },
  ];
  static override flags = {
    'session-id': sessionIdFlag('Session to show; default: the live or most recent session.'),
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  async run(): Promise<SessionReport> {
    const { flags } = await this.parse(StatsSession);
    const host = await this.openViewHost(flags);
    const report = await selectSession(host, flags['session-id']);
    if (!this.jsonEnabled()) this.print(renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn), this.style, this.warnings.warn, this.width));
    return activeReport(report, host.plugins);
  }
}
