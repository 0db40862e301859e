import { RadCommand } from './rad-command.js';
import { sessionIdFlag, workspaceFlag } from './flags.js';
import { renderBlocks } from '../output/render-blocks.js';
import { namedView } from '../views/named-view.js';

/** Shared body of `rad stats model` and `rad stats engine`: render a plugin's named view. */
export abstract class NamedViewCommand extends RadCommand {
  static override flags = {
    'session-id': sessionIdFlag('Session to show; default: every session, aggregated, with a TOTAL row.'),
    workspace: workspaceFlag,
  };

  /** Name of the view (`model`, `engine`). */
  protected abstract readonly view: string;

  async run(): Promise<unknown> {
    const { flags } = await this.parse(this.ctor as typeof NamedViewCommand);
    const host = await this.openHost(flags.workspace);
    const result = await namedView(host, this.view, flags['session-id']);
    if (!this.jsonEnabled()) this.print(renderBlocks(result.blocks, this.style, this.warnings.warn));
    return result.json;
  }
}
