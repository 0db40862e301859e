import path from 'node:path';
import { Args } from '@oclif/core';
import { initWorkspace } from '@radium-stats/core';
import { RadCommand } from '../base/rad-command.js';
import type { InitJson } from '../output/schemas.js';

/** `rad init [DIR]`: make a folder a Radium workspace. */
export default class Init extends RadCommand {
  static override summary = 'Create a Radium workspace (.radium/_internals/sessions) in a folder.';
  static override description =
    'Session journals and reports are kept under .radium/_internals/sessions; team settings go in .radium/stats.config.json. ' +
    'An existing workspace is left untouched.';
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
    return result;
  }
}
