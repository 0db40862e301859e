import path from 'node:path';
import { Flags } from '@oclif/core';
import { RadiumError, UsageError, type Host, type SessionReport } from '@radium-stats/core';
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
import { resolveTracesEndpoint, type TracesEndpoint } from '../../otlp/endpoint.js';
import { OTLP_PROTOCOLS, resolveProtocol, type OtlpProtocol } from '../../otlp/protocol.js';
import type { OtlpExportResult } from '../../otlp/export-otlp.js';

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

/** `rad stats export`: every session (or one) as one JSON document, or as OpenTelemetry traces sent to a receiver. */
export default class StatsExport extends RadCommand {
  static override summary = 'Export sessions as JSON (to stdout or a file), or as OpenTelemetry traces to an OTLP receiver.';
  static override description =
    'The document is { schemaVersion, exportedAt, sessions: [report, …] } (schema: schema/export.schema.json), newest first, ' +
    'written as it is read so exports of any size use little memory. A file is written atomically and never overwritten unless --force is given. ' +
    'A FIFO or character device (--output /dev/stdout) is written into as it is; a directory, socket or dangling symbolic link is refused. ' +
    'The output is JSON with or without --json; with --output and --json a summary { output, sessions } is printed. ' +
    '--format otlp sends the same sessions as OpenTelemetry traces over OTLP/HTTP instead: one trace per session (a root `invoke_agent` span, ' +
    'a `chat <model>` span per API response, an `execute_tool <name>` span per tool call, GenAI semantic conventions), to --endpoint or ' +
    'OTEL_EXPORTER_OTLP_ENDPOINT, with the headers of OTEL_EXPORTER_OTLP_HEADERS.';
  static override examples = [
    { description: 'All sessions to stdout', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'To a file', command: '<%= config.bin %> <%= command.id %> --output data.json' },
    { description: 'Replace an existing file', command: '<%= config.bin %> <%= command.id %> --output data.json --force' },
    { description: 'One session', command: '<%= config.bin %> <%= command.id %> --session-id 3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
    { description: 'Pipe into jq', command: "<%= config.bin %> <%= command.id %> | jq '.sessions[] | {sessionId, startTime, status}'" },
    { description: 'This month as traces to a local OpenTelemetry collector', command: '<%= config.bin %> <%= command.id %> --format otlp --endpoint http://localhost:4318 --since 2026-11-01' },
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
    format: Flags.string({
      description: 'json: the export document; otlp: send the sessions as OpenTelemetry traces over OTLP/HTTP (see --endpoint).',
      options: ['json', 'otlp'],
      default: 'json',
    }),
    endpoint: Flags.string({
      description:
        'With --format otlp: base URL of the OTLP/HTTP receiver; /v1/traces is added unless the URL ends with it. ' +
        'Default: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (used as it is), else OTEL_EXPORTER_OTLP_ENDPOINT. Headers come from OTEL_EXPORTER_OTLP_HEADERS.',
      helpValue: 'URL',
    }),
    protocol: Flags.string({
      description: 'With --format otlp: the encoding (default: OTEL_EXPORTER_OTLP_PROTOCOL, else http/protobuf).',
      options: [...OTLP_PROTOCOLS],
    }),
    'session-id': sessionIdFlag('Export only this session.'),
    ...filterFlags,
    workspace: workspaceFlag,
    'no-import': noImportFlag,
  };

  async run(): Promise<ExportResultJson | OtlpExportResult | undefined> {
    const { flags } = await this.parse(StatsExport);
    const otlp = flags.format === 'otlp';
    if (!otlp && (flags.endpoint !== undefined || flags.protocol !== undefined)) {
      throw new UsageError('--endpoint and --protocol only go with --format otlp: add --format otlp, or leave them out. See `rad stats export --help`.');
    }
    if (otlp && flags.output !== undefined) {
      throw new UsageError('--format otlp sends the sessions to a receiver, not to a file: leave out --output (or --format). See `rad stats export --help`.');
    }
    // Checked before the workspace is read, so a missing or bad receiver fails at once.
    const endpoint = otlp ? resolveTracesEndpoint(flags.endpoint, process.env) : undefined;
    const protocol = otlp ? resolveProtocol(flags.protocol, process.env) : undefined;
    const { filter, applied } = await this.parseFilter(flags);
    const typed = flags['session-id'];
    const host = await this.openViewHost(flags);
    const id = typed === undefined ? undefined : await host.catalog.resolveId(typed);
    const ids = id ? [id] : await host.catalog.idsNewestFirst(filter);
    if (ids.length === 0 && applied.length === 0) throw noSessionsError(host);
    // The document stays valid JSON with no sessions in it; the note goes to stderr.
    if (ids.length === 0) process.stderr.write(`${noMatch(applied)}\n`);
    if (endpoint && protocol) return this.sendOtlp(host, ids, endpoint, protocol);
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

  /** `--format otlp`: the sessions as traces; the exporters load only here, so other commands never pay for them. */
  private async sendOtlp(host: Host, ids: readonly string[], endpoint: TracesEndpoint, protocol: OtlpProtocol): Promise<OtlpExportResult> {
    const { exportOtlp } = await import('../../otlp/export-otlp.js');
    const progress = startProgress({ total: ids.length, label: 'Sending sessions', enabled: !this.jsonEnabled() });
    let result: OtlpExportResult;
    try {
      result = await exportOtlp({ host, ids, endpoint, protocol, version: this.config.version, env: process.env, progress });
    } finally {
      progress.stop();
    }
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    this.print(`Sent ${plural(result.sessions, 'session')} (${plural(result.spans, 'span')}) to ${result.endpoint} over ${result.protocol}`);
    return result;
  }
}
