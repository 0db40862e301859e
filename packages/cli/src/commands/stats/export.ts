import path from 'node:path';
import { Flags } from '@oclif/core';
import { RadiumError, type Host, type SessionReport } from '@radium-stats/core';
import { filterFlags, noMatch } from '../../filters/filter-flags.js';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag, noImportFlag } from '../../base/flags.js';
import { writeOutputFile } from '../../output/atomic-file.js';
import { writeExport } from '../../output/export-stream.js';
import { resolveOutputTarget } from '../../output/output-target.js';
import { startProgress, type Progress } from '../../output/progress.js';
import type { ExportResultJson } from '../../output/schemas.js';
import { activeReport } from '../../views/active-report.js';
import { noSessionsError } from '../../views/select-session.js';

/** Loads listed sessions one at a time, newest first; one that went bad (or away) since it was listed is skipped with a warning. */
async function* exportedReports(host: Host, ids: readonly string[], progress: Progress): AsyncGenerator<SessionReport> {
  for (const id of ids) {
    try {
      yield activeReport((await host.store.loadInBulk(id)).report, host.plugins);
    } catch (error) {
      if (!(error instanceof RadiumError)) throw error;
      host.warnings.warn(error.message);
    } finally {
      progress.tick();
    }
  }
}

const silentProgress: Progress = { tick: () => {}, stop: () => {} };

/** One session, loaded before anything is written so an unknown id fails cleanly. */
async function oneReport(host: Host, id: string): Promise<AsyncIterable<SessionReport>> {
  const report = activeReport((await host.store.load(id)).report, host.plugins);
  return (async function* () {
    yield report;
  })();
}

/** `rad stats export`: every session (or one) as one JSON document. */
export default class StatsExport extends RadCommand {
  static override summary = 'Export sessions as JSON, to stdout or a file.';
  static override description =
    'The document is { schemaVersion, exportedAt, sessions: [report, …] } (schema: schema/export.schema.json), newest first, ' +
    'written as it is read so exports of any size use little memory. A file is written atomically and never overwritten unless --force is given. ' +
    'A FIFO or character device (--output /dev/stdout) is written into as it is; a directory, socket or dangling symbolic link is refused. ' +
    'The output is JSON with or without --json; with --output and --json a summary { output, sessions } is printed.';
  static override examples = [
    { description: 'All sessions to stdout', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'To a file', command: '<%= config.bin %> <%= command.id %> --output data.json' },
    { description: 'Replace an existing file', command: '<%= config.bin %> <%= command.id %> --output data.json --force' },
    { description: 'One session', command: '<%= config.bin %> <%= command.id %> --session-id 3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
    { description: 'Pipe into jq', command: "<%= config.bin %> <%= command.id %> | jq '.sessions[] | {sessionId, startTime, status}'" },
  ];
  static override flags = {
    output: Flags.string({
      char: 'o',
      description:
        'File to write instead of stdout. A symbolic link to a file writes that file (the link stays); a FIFO or character device ' +
        'such as /dev/stdout is written into directly; a directory, socket or dangling link is refused.',
      helpValue: 'FILE',
    }),
    force: Flags.boolean({
      char: 'f',
      description: 'Replace --output when it is an existing regular file (or a link to one); never replaces anything else.',
      dependsOn: ['output'],
    }),
    'session-id': sessionIdFlag('Export only this session.'),
    ...filterFlags,
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  async run(): Promise<ExportResultJson | undefined> {
    const { flags } = await this.parse(StatsExport);
    const { filter, applied } = await this.parseFilter(flags);
    const typed = flags['session-id'];
    const host = await this.openViewHost(flags);
    const id = typed === undefined ? undefined : await host.catalog.resolveId(typed);
    const ids = id ? [id] : await host.catalog.idsNewestFirst(filter);
    if (ids.length === 0 && applied.length === 0) throw noSessionsError(host);
    // The document stays valid JSON with no sessions in it; the note goes to stderr.
    if (ids.length === 0) process.stderr.write(`${noMatch(applied)}\n`);
    const exportedAt = new Date();
    if (!flags.output) {
      await writeExport(process.stdout, id ? await oneReport(host, id) : exportedReports(host, ids, silentProgress), exportedAt);
      return undefined;
    }
    const output = path.resolve(flags.output);
    // Checked before any session is read, so a refused --output fails at once.
    const direct = (await resolveOutputTarget(output)).kind === 'stream';
    const single = id ? await oneReport(host, id) : undefined;
    // A device such as /dev/tty may be the terminal the bar would draw on.
    const progress = startProgress({ total: ids.length, label: 'Exporting sessions', enabled: !this.jsonEnabled() && !single && !direct });
    const reports = single ?? exportedReports(host, ids, progress);
    let sessions: number;
    try {
      sessions = (await writeOutputFile(output, flags.force, (out) => writeExport(out, reports, exportedAt))).result;
    } finally {
      progress.stop();
    }
    const summary = `Exported ${sessions} session${sessions === 1 ? '' : 's'} to ${output}`;
    // --output /dev/stdout: the summary goes to stderr so stdout holds nothing but the document.
    if (!this.jsonEnabled()) {
      if (direct) process.stderr.write(`${summary}\n`);
      else this.print(summary);
    }
    return { output, sessions };
  }
}
