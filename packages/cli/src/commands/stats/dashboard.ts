import path from 'node:path';
import { Flags } from '@oclif/core';
import { UsageError } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { noImportFlag, workspaceFlag } from '../../base/flags.js';
import { buildPageData } from '../../dashboard/build-page-data.js';
import { chartLibrarySource } from '../../dashboard/chart-library.js';
import { collectDashboard } from '../../dashboard/collect.js';
import { openInBrowser } from '../../dashboard/open-file.js';
import { renderPage } from '../../dashboard/page.js';
import { OutputExistsError } from '../../errors.js';
import { filterFlags, noMatch } from '../../filters/filter-flags.js';
import { writeOutputFile } from '../../output/atomic-file.js';
import { resolveOutputTarget } from '../../output/output-target.js';
import type { DashboardResultJson } from '../../output/schemas.js';

/** `rad stats dashboard`: one self-contained HTML file of charts over the selected sessions. */
export default class StatsDashboard extends RadCommand {
  static override summary = 'Write an HTML dashboard: cost, tokens, cache, tools, time and code changes per day, and the most expensive sessions.';
  static override description =
    'One self-contained file (chart library and data inlined, no network request when opened), to read offline or attach to a ticket. ' +
    'Its numbers come from the same queries as the --json views (model, daily, history, session). Light and dark follow the system; every chart has its table. ' +
    'An existing file is never overwritten unless --force is given. With --json: { output, sessions, bytes } (schema: schema/dashboard-result.schema.json).';
  static override examples = [
    { description: 'Every session', command: '<%= config.bin %> <%= command.id %> --output report.html' },
    { description: 'This month of one project, opened in the browser', command: '<%= config.bin %> <%= command.id %> --output report.html --since 2026-11-01 --project . --open' },
    { description: 'Replace an existing file', command: '<%= config.bin %> <%= command.id %> --output report.html --force' },
  ];
  static override flags = {
    output: Flags.string({ char: 'o', description: 'HTML file to write.', helpValue: 'FILE', required: true }),
    force: Flags.boolean({ char: 'f', description: 'Replace --output when it is an existing regular file (or a link to one).' }),
    open: Flags.boolean({ description: 'Open the file in the default browser once written.' }),
    ...filterFlags,
    timezone: Flags.string({ description: "IANA time zone of the days and of --since and --until dates (default: the system's).", helpValue: 'ZONE' }),
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  async run(): Promise<DashboardResultJson> {
    const { flags } = await this.parse(StatsDashboard);
    const output = path.resolve(flags.output);
    // Checked before any session is read, so a refused --output fails at once and leaves the file as it was.
    const target = await resolveOutputTarget(output);
    if (target.kind === 'file' && target.exists && !flags.force) throw new OutputExistsError(output);
    if (flags.open && target.kind === 'stream') throw new UsageError(`--open needs --output to name a file, and ${output} is a FIFO or device: leave out --open.`);
    const { filter, applied, timeZone } = await this.parseFilter(flags, true);
    const chartLibrary = chartLibrarySource();
    const host = await this.openViewHost(flags);
    const data = await collectDashboard(host, { filter, applied, timeZone, nowMs: Date.now() });
    if (!data) {
      this.print(`${noMatch(applied)} No dashboard was written.`);
      return { output: null, sessions: 0, bytes: 0 };
    }
    const html = renderPage(buildPageData(data), chartLibrary);
    await writeOutputFile(output, flags.force, async (out) => void out.write(html));
    const sessions = data.model.scope.sessions;
    this.print(`Wrote a dashboard of ${sessions} session${sessions === 1 ? '' : 's'} to ${output}`);
    if (flags.open) {
      const failed = await openInBrowser(output);
      if (failed) this.warnings.warn(`${failed}: open ${output} in a browser yourself.`);
    }
    return { output, sessions, bytes: Buffer.byteLength(html) };
  }
}
