import path from 'node:path';
import { Args } from '@oclif/core';
import { ignoreInternals, initWorkspace, INTERNALS_IGNORE_LINE } from '@radium-stats/core';
import { RadCommand } from '../base/rad-command.js';
import type { InitJson } from '../output/schemas.js';

/** `rad init [DIR]`: make a folder a Radium workspace. */
export default class Init extends RadCommand {
  static override summary = 'Create a Radium workspace (.radium/_internals/sessions) in a folder.';
  static override description =
    'Session journals and reports are kept under .radium/_internals/sessions; team settings go in .radium/stats.config.json. ' +
    `${INTERNALS_IGNORE_LINE} is added to the folder's .gitignore (created when absent) unless a line already ignores it, so only the team settings get committed. ` +
    'An existing workspace is otherwise left untouched.';
  static override examples = [
    { description: 'Make the current folder a workspace', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'Another folder', command: '<%= config.bin %> <%= command.id %> ~/projects/webapp' },
  ];
  static override args = {
    dir: Args.string({ description: 'Folder to make a workspace (created when absent).', default: '.', ignoreStdin: true }),
  };

  async run(): Promise<InitJson> {
    const { args } = await this.parse(Init);
    const result = await initWorkspace(path.resolve(args.dir));
    this.print(result.created ? `Created Radium workspace in ${result.root}` : `Radium workspace already exists in ${result.root}`);
    // Also for a workspace made before rad did this: its data should not be committed either.
    const gitignore = await ignoreInternals(result.root);
    if (gitignore.outcome === 'added') this.print(`Added ${INTERNALS_IGNORE_LINE} to ${gitignore.file} (sessions and the stats store stay out of git; .radium/stats.config.json can be committed).`);
    if (gitignore.outcome === 'skipped') this.warnings.warn(`${gitignore.file} is not a regular file, so ${INTERNALS_IGNORE_LINE} was not added to it: keep that folder out of git yourself.`);
    return { ...result, gitignore };
  }
}
