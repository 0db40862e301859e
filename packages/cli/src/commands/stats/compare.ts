import { Args } from '@oclif/core';
import { RadCommand } from '../../base/rad-command.js';
import { workspaceFlag, noImportFlag } from '../../base/flags.js';
import { renderComparison } from '../../output/render-compare.js';
import type { CompareJson } from '../../output/schemas.js';
import { compareReports } from '../../views/compare.js';

/** `rad stats compare A B`: what changed from session A to session B. */
export default class StatsCompare extends RadCommand {
  static override summary = 'Compare two sessions: each metric in A and B, the signed change and the percentage.';
  static override description =
    'Changes are B minus A; a percentage against 0 (or a value that was not measured) is shown as n/a. ' +
    'With --json: { a, b, rows, skipped } (schema: schema/compare.schema.json).';
  static override examples = [
    { description: 'Compare two sessions', command: '<%= config.bin %> <%= command.id %> 3c6ddcd3-85b6-48f1-88e1-f428ca458337 a1b2c3d4-e5f6-7890-abcd-ef1234567890' },
    { description: 'As JSON', command: '<%= config.bin %> <%= command.id %> 3c6ddcd3-85b6-48f1-88e1-f428ca458337 a1b2c3d4-e5f6-7890-abcd-ef1234567890 --json' },
  ];
  static override args = {
    a: Args.string({ description: 'Id of session A (the baseline): a full id, the agent\'s own id, or a unique start of either.', required: true, ignoreStdin: true }),
    b: Args.string({ description: 'Id of session B.', required: true, ignoreStdin: true }),
  };
  static override flags = { workspace: workspaceFlag, 'no-import': noImportFlag };

  async run(): Promise<CompareJson> {
    const { args, flags } = await this.parse(StatsCompare);
    const host = await this.openViewHost(flags);
    const a = (await host.store.load(await host.catalog.resolveId(args.a))).report;
    const b = (await host.store.load(await host.catalog.resolveId(args.b))).report;
    const comparison = compareReports(a, b, host.plugins, host.warnings.warn);
    if (!this.jsonEnabled()) this.print(renderComparison(comparison, this.style, this.warnings.warn, this.width));
    return comparison;
  }
}
