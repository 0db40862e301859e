import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { globalWorkspaceRoot, ignoreInternals, initWorkspace, INTERNALS_IGNORE_LINE, RadiumError, resolveImporters, WorkspacePaths } from '@radium-stats/core';
import { RadCommand } from '../base/rad-command.js';
import { importersWithLogs, writeAutoImportConfig } from '../host/agents-with-logs.js';
import { IMPORTERS_HOOK, runPluginHook } from '../host/discover.js';
import type { InitJson } from '../output/schemas.js';

/** `rad init [DIR]`: make a folder a Radium workspace. */
export default class Init extends RadCommand {
  static override summary = 'Create a Radium workspace (.radium/_internals/sessions) in a folder.';
  static override description =
    'Session journals and reports are kept under .radium/_internals/sessions; team settings go in .radium/stats.config.json. ' +
    `${INTERNALS_IGNORE_LINE} is added to the folder's .gitignore (created when absent) unless a line already ignores it, so only the team settings get committed. ` +
    'An existing workspace is otherwise left untouched. ' +
    '--global creates the user-level workspace in $RADIUM_HOME (default: your home folder), used when no .radium is found above the current folder; its .gitignore is left alone. ' +
    'It imports the sessions of every project, and its config turns auto-import on (`import.auto`) for every agent whose log folder exists on this machine: ' +
    'their new and grown logs are imported before each `rad stats` view.';
  static override examples = [
    { description: 'Make the current folder a workspace', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Another folder', command: '<%= config.bin %> <%= command.id %> ~/projects/webapp' },
    { description: 'The global workspace, used from any folder without one', command: '<%= config.bin %> <%= command.id %> --global' },
  ];
  static override args = {
    dir: Args.string({ description: 'Folder to make a workspace (created when absent).', ignoreStdin: true }),
  };
  static override flags = {
    global: Flags.boolean({ description: 'Create the user-level workspace in $RADIUM_HOME (default: your home folder) instead; no DIR.', default: false }),
  };

  /** Turns auto-import on in a new global workspace for every agent whose log folder exists here; returns their ids. */
  private async enableAutoImport(root: string): Promise<string[]> {
    const importers = resolveImporters(await runPluginHook(this.config, IMPORTERS_HOOK, this.warnings.warn), this.warnings.warn);
    const found = importersWithLogs(importers, process.env);
    const configFile = new WorkspacePaths(root).configFile;
    writeAutoImportConfig(configFile, found.map((i) => i.id));
    this.print(
      found.length > 0
        ? `Logs of ${found.map((i) => i.title).join(', ')} found: their new sessions are imported before each rad stats view (import.auto in ${configFile}; --no-import skips it once).`
        : `No agent logs found on this machine: list agents under import.auto in ${configFile} to import their sessions before each rad stats view.`,
    );
    return found.map((i) => i.id);
  }

  async run(): Promise<InitJson> {
    const { args, flags } = await this.parse(Init);
    if (flags.global) {
      if (args.dir !== undefined) throw new RadiumError(`rad init --global takes no DIR (got ${JSON.stringify(args.dir)}): set RADIUM_HOME to choose where the global workspace goes.`);
      const result = await initWorkspace(globalWorkspaceRoot());
      if (!result.created) {
        this.print(`The global Radium workspace already exists in ${result.root}`);
        return { ...result, global: true };
      }
      this.print(`Created the global Radium workspace in ${result.root}`);
      return { ...result, global: true, autoImport: await this.enableAutoImport(result.root) };
    }
    const result = await initWorkspace(path.resolve(args.dir ?? '.'));
    this.print(result.created ? `Created Radium workspace in ${result.root}` : `Radium workspace already exists in ${result.root}`);
    // Also for a workspace made before rad did this: its data should not be committed either.
    const gitignore = await ignoreInternals(result.root);
    if (gitignore.outcome === 'added') this.print(`Added ${INTERNALS_IGNORE_LINE} to ${gitignore.file} (sessions and the stats store stay out of git; .radium/stats.config.json can be committed).`);
    if (gitignore.outcome === 'skipped') this.warnings.warn(`${gitignore.file} is not a regular file, so ${INTERNALS_IGNORE_LINE} was not added to it: keep that folder out of git yourself.`);
    return { ...result, global: false, gitignore };
  }
}
