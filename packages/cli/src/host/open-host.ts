import { createRequire } from 'node:module';
import path from 'node:path';
import { Config, type Interfaces } from '@oclif/core';
import { Warnings, createHost, type Host } from '@radium-stats/core';
import { discoverMetricPlugins } from './discover.js';
import { locateCommandWorkspace } from './workspace.js';

/** Options of `openHost` and `openWorkspaceHost`. */
export interface OpenHostOptions {
  /** Workspace root; found from the current directory (or `RADIUM_WORKSPACE`) when absent. */
  workspace?: string;
  /** Environment for config and workspace lookup; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Where warnings go; defaults to stderr. */
  warnings?: Warnings;
  /** Called with the root when the global workspace answers (no project workspace was found). */
  onGlobal?: (root: string) => void;
}

/** Builds the host for a loaded oclif config: finds the workspace first (no plugin is loaded when there is none), then the plugins. */
export async function openHost(config: Interfaces.Config, options: OpenHostOptions = {}): Promise<Host> {
  const env = options.env ?? process.env;
  const located = locateCommandWorkspace(options.workspace, env);
  if (located.global) options.onGlobal?.(located.root);
  const workspace = located.root;
  const warnings = options.warnings ?? new Warnings();
  const plugins = await discoverMetricPlugins(config, warnings.warn);
  return createHost({ workspace, plugins, env, warnings });
}

/** Root of this package (where its package.json and `oclif` section are), wherever the bundler put this module. */
function packageRoot(): string {
  return path.dirname(createRequire(import.meta.url).resolve('@radium-stats/cli/package.json'));
}

/**
 * Opens a workspace from a TypeScript agent runtime with the same plugins `rad` uses (first-party
 * and user-installed), so sessions it records read the same in `rad stats`.
 *
 * @example
 * const host = await openWorkspaceHost();
 * const rec = await host.recorders.start({ agent: 'my-agent' });
 * rec.record({ type: 'tool.call', name: 'read_file', success: true, durationMs: 12 });
 * await rec.end();
 */
export async function openWorkspaceHost(options: OpenHostOptions = {}): Promise<Host> {
  return openHost(await Config.load(packageRoot()), options);
}
