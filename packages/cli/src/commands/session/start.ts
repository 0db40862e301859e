import { Flags } from '@oclif/core';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag } from '../../base/flags.js';
import type { SessionStartJson } from '../../output/schemas.js';

/** `rad session start`: begin a session from a shell script or a runtime in another language. */
export default class SessionStart extends RadCommand {
  static override summary = 'Start a session and print its id.';
  static override description =
    'Writes session.start and whatever the plugins record at the start (the git baseline, say). Then append events with ' +
    '`rad session record` (or write JSON lines to .radium/_internals/sessions/<id>.events.jsonl yourself) and finish with `rad session end`.';
  static override examples = [
    { description: 'Start a session and keep its id', command: 'SESSION=$(<%= config.bin %> <%= command.id %> --agent my-agent)' },
    { description: 'With a chosen id', command: '<%= config.bin %> <%= command.id %> --session-id build-1234' },
  ];
  static override flags = {
    'session-id': sessionIdFlag('Id to use; default: a new UUID.'),
    agent: Flags.string({ description: 'Name of the agent runtime, stored in the report.', helpValue: 'NAME' }),
    workspace: workspaceFlag,
  };

  async run(): Promise<SessionStartJson> {
    const { flags } = await this.parse(SessionStart);
    const host = await this.openHost(flags.workspace);
    // This process exits right away, so its pid must not decide whether the session is live.
    const recorder = await host.recorders.start({
      trackProcess: false,
      ...(flags['session-id'] ? { sessionId: flags['session-id'] } : {}),
      ...(flags.agent ? { agent: flags.agent } : {}),
    });
    this.print(recorder.sessionId);
    return { sessionId: recorder.sessionId, workspace: host.paths.root };
  }
}
