import { RadCommand } from './rad-command.js';
import { describeFilters, filterFlags, noMatch } from '../filters/filter-flags.js';
import { sessionIdFlag, workspaceFlag, noImportFlag } from './flags.js';
import { renderBlocks } from '../output/render-blocks.js';
import { namedView } from '../views/named-view.js';

/** Shared body of `rad stats model` and `rad stats engine`: render a plugin's named view. */
export abstract class NamedViewCommand extends RadCommand {
  static override flags = {
    'session-id': sessionIdFlag('Session to show; default: every session, aggregated, with a TOTAL row.'),
    ...filterFlags,
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  /** Name of the view (`model`, `engine`). */
  protected abstract readonly view: string;

  async run(): Promise<unknown> {
    const { flags } = await this.parse(this.ctor as typeof NamedViewCommand);
    const { filter, applied } = await this.parseFilter(flags);
    const host = await this.openViewHost(flags);
    const result = await namedView(host, this.view, flags['session-id'], filter, applied.length > 0);
    const heading = describeFilters(applied);
    if (!this.jsonEnabled()) {
      if (result.empty) this.print(noMatch(applied));
      else this.print([heading, renderBlocks(result.blocks, this.style, this.warnings.warn, this.width)].filter((x) => x !== undefined).join('\n\n'));
    }
    return result.json;
  }
}
