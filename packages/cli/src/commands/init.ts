import path from 'node:path';
import { Args, Flags } from '@oclif/core';
import { globalWorkspaceRoot, ignoreInternals, initWorkspace, INTERNALS_IGNORE_LINE, RadiumError } from '@radium-stats/core';
import { RadCommand } from '../base/rad-command.js';
import type { InitJson } from '../output/schemas.js';

/** `rad init [DIR]`: make a folder a Radium workspace. */
export default class Init extends RadCommand {
  static override summary = 'Create a Radium workspace (.radium/_internals/sessions) in a folder.';
  static override description =
    'Session journals and reports are kept under .radium/_internals/sessions; team settings go in .radium/stats.config.json. ' +
    `${INTERNALS_IGNORE_LINE} is added to the folder's .gitignore (created when absent) unless a line already ignores it, so only the team settings get committed. ` +
    'An existing workspace is otherwise left untouched. ' +
    '--global creates the user-level workspace in $RADIUM_HOME (default: your home folder), used when no .radium is found above the current folder; its .gitignore is left alone.';
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

  async run(): Promise<InitJson> {
    const { args, flags } = await this.parse(Init);
    if (flags.global) {
      if (args.dir !== undefined) throw new RadiumError(`rad init --global takes no DIR (got ${JSON.stringify(args.dir)}): set RADIUM_HOME to choose where the global workspace goes.`);
      const result = await initWorkspace(globalWorkspaceRoot());
      this.print(result.created ? `Created the global Radium workspace in ${result.root}` : `The global Radium workspace already exists in ${result.root}`);
      return { ...result, global: true };
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
