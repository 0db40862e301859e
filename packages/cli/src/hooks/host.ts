import type { Hook } from '@oclif/core';
import type { Host, NamedView, ViewBlock } from '@radium-stats/core';
import { openHost } from '../host/open-host.js';
import { terminalWidth } from '../output/terminal-width.js';
import { renderBlocks } from '../output/render-blocks.js';
import { outputStyle } from '../output/style.js';
import { namedView } from '../views/named-view.js';

/** Options of the `radium:host` hook. */
export interface HostHookOptions {
  /** Workspace root; found from the current folder (or RADIUM_WORKSPACE) when absent. */
  workspace?: string;
}

/** What the `radium:host` hook returns to a third-party command. */
export interface HostHookResult {
  /** The composed host: store, catalog, active plugins, warnings. */
  host: Host;
  /** A plugin's named view over one session (by id) or every session merged, exactly as `rad stats model` computes it. */
  view(name: string, sessionId?: string): Promise<NamedView>;
  /** Renders blocks the way every `rad stats` view looks (escaped, over-long names shortened with one warning, bold headings only on a TTY). */
  render(blocks: readonly ViewBlock[]): string;
}

/**
 * `radium:host`: hands the host and the view machinery to commands of third-party plugins, so a
 * plugin can add `rad stats <something>` without depending on this CLI's packages.
 *
 * @example
 * const { successes, failures } = await this.config.runHook('radium:host', { workspace: flags.workspace });
 * const rad = successes[0]?.result; // a thrown error (no workspace, say) is in failures[0].error
 * const view = await rad.view('deploys');
 * this.log(rad.render(view.blocks));
 */
const hook = async function (this: Hook.Context, options: HostHookOptions & { config: Hook.Context['config'] }): Promise<HostHookResult> {
  const host = await openHost(options.config, options.workspace ? { workspace: options.workspace } : {});
  return {
    host,
    view: (name, sessionId) => namedView(host, name, sessionId),
    render: (blocks) => renderBlocks(blocks, outputStyle(process.stdout, process.env), host.warnings.warn, terminalWidth(process.stdout, process.env)),
  };
};

export default hook;
