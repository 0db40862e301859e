import { Command, Flags } from '@oclif/core';
import type { NamedView } from '@radium-stats/core';

/** What rad's `radium:host` hook hands to plugin commands (see rad's README, "Plugin commands"). */
interface RadContext {
  view(name: string, sessionId?: string): Promise<NamedView>;
  render(blocks: NamedView['blocks']): string;
}

/** `rad stats deploys`: deploys per environment, for one session or all of them. */
export default class StatsDeploys extends Command {
  static override summary = 'Show acme.deploy counts per environment, for one session or all of them.';
  static override enableJsonFlag = true;
  static override examples = [
    { description: 'Across all sessions', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'One session, as JSON', command: '<%= config.bin %> <%= command.id %> --session-id "$SESSION" --json' },
  ];
  static override flags = {
    'session-id': Flags.string({ description: 'Session to show; default: every session, merged.', helpValue: 'ID' }),
    workspace: Flags.string({ description: 'Workspace root (the folder holding .radium).', helpValue: 'DIR' }),
  };

  async run(): Promise<unknown> {
    const { flags } = await this.parse(StatsDeploys);
    // The host belongs to rad; asking for it through a hook keeps this package free of rad's code.
    const { successes, failures } = await this.config.runHook('radium:host', flags.workspace ? { workspace: flags.workspace } : {});
    const rad = successes[0]?.result as RadContext | undefined;
    if (!rad) this.error(failures[0]?.error.message ?? 'This command runs inside rad (it needs the radium:host hook).', { exit: 1 });
    let view: NamedView;
    try {
      view = await rad.view('deploys', flags['session-id']);
    } catch (error) {
      const { message, exitCode } = error as Error & { exitCode?: number };
      this.error(message, { exit: exitCode ?? 1 });
    }
    if (!this.jsonEnabled()) this.log(rad.render(view.blocks));
    return view.json;
  }
}
