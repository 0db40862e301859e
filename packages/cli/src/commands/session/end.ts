import type { SessionReport } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag } from '../../base/flags.js';
import { renderBlocks } from '../../output/render-blocks.js';
import { activeReport } from '../../views/active-report.js';
import { latestLiveSessionId } from '../../views/live-session.js';
import { sessionBlocks } from '../../views/session-view.js';

/** `rad session end`: finish a session and print its summary. */
export default class SessionEnd extends RadCommand {
  static override summary = 'End a session, write its report and print its summary.';
  static override description =
    'Runs the plugins\' end hooks (the git diff since the start, say), writes session.end and the report. ' +
    'With --json the report is printed (schema: schema/session.schema.json).';
  static override examples = [
    { description: 'End the latest live session', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'End a given session', command: '<%= config.bin %> <%= command.id %> --session-id "$SESSION"' },
  ];
  static override flags = {
    'session-id': sessionIdFlag('Session to end; default: the latest live session.'),
    workspace: workspaceFlag,
  };

  async run(): Promise<SessionReport> {
    const { flags } = await this.parse(SessionEnd);
    const host = await this.openHost(flags.workspace);
    const id = flags['session-id'] ?? (await latestLiveSessionId(host));
    const recorder = await host.recorders.resume(id);
    const report = await recorder.end();
    if (!this.jsonEnabled()) this.print(renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn), this.style, this.warnings.warn, this.width));
    return activeReport(report, host.plugins);
  }
}
