import { Args, Flags } from '@oclif/core';
import { UsageError, formatInteger, resolveImporters, runImport, type AnyImporter, type ImportSummary } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { workspaceFlag } from '../../base/flags.js';
import { IMPORTERS_HOOK, runPluginHook } from '../../host/discover.js';
import { progressFor } from '../../output/import-progress.js';

const MB = 1024 * 1024;

/** Parses `--since`: a date (`2025-10-01`, the start of that day here) or an ISO 8601 time. */
export function parseSince(value: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(value.trim());
  if (Number.isNaN(date.getTime()) || (day && date.getDate() !== Number(day[3]))) {
    throw new UsageError(`--since: ${JSON.stringify(value)} is not a date; use YYYY-MM-DD (for example 2025-10-01).`);
  }
  return date;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${formatInteger(n)} ${n === 1 ? one : many}`;

function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${formatInteger(Math.ceil(bytes / 1024))} KB`;
}

/** The human report of an import: what was imported, what was skipped and why. */
export function describeImport(s: ImportSummary): string {
  const out: string[] = [];
  const { imported, updated, unchanged } = s.sessions;
  out.push(`Imported ${plural(imported.length, 'new session')} from ${s.title}; ${formatInteger(updated.length)} updated, ${formatInteger(unchanged)} unchanged.`);
  const listed = [...imported, ...updated];
  if (listed.length > 0 && listed.length <= 10) for (const id of listed) out.push(`  ${imported.includes(id) ? '+' : '~'} ${id}`);
  if (s.files.found > 0) out.push(`Read ${formatInteger(s.files.read)} of ${plural(s.files.found, 'file')} (${sizeText(s.bytesRead)}) in ${(s.durationMs / 1000).toFixed(1)}s.`);
  if (s.files.skipped > 0) {
    out.push(`Skipped ${plural(s.files.skipped, 'file')}:`);
    for (const { reason, files } of s.skipped) out.push(`  ${formatInteger(files)} ${reason}`);
  }
  const lines = [
    [s.lines.invalid, 'not valid JSON'],
    [s.lines.torn, 'unfinished at the end of a file (read once complete)'],
    [s.lines.overlong, 'over the line size limit'],
  ] as const;
  const bad = lines.filter(([n]) => n > 0);
  if (bad.length > 0) out.push(`Skipped lines: ${bad.map(([n, what]) => `${formatInteger(n)} ${what}`).join(', ')}.`);
  if (s.lines.invalidEvents > 0) out.push(`Dropped ${plural(s.lines.invalidEvents, 'event')} the importer produced that did not match the protocol.`);
  const missing = s.sources.filter((src) => !src.exists);
  if (s.files.found === 0) out.push(`No ${s.title} logs found in ${s.sources.map((src) => src.path).join(', ') || 'any folder'}${missing.length ? ' (missing)' : ''}; use --source DIR.`);
  return out.join('\n');
}

/** `rad stats import <agent>`: turn another agent's session logs into `rad stats` sessions. */
export default class StatsImport extends RadCommand {
  static override summary = "Import sessions from another agent's logs (Claude Code, Codex CLI, Gemini CLI, Amp, OpenCode).";
  static override description =
    "Reads the agent's logs where the agent keeps them (or --source), turns each session into events and folds them with the same collectors as a live session. " +
    'Only sessions whose working directory lies inside this workspace are imported unless --all-projects is given. ' +
    'Runs are incremental: files unchanged since the last run are not read, and a grown file is read from where the last run stopped.';
  static override examples = [
    { description: 'Claude Code sessions of this project', command: '<%= config.bin %> <%= command.id %> claude-code' },
    { description: 'Every Codex session since October', command: '<%= config.bin %> <%= command.id %> codex --all-projects --since 2025-10-01' },
    { description: 'Gemini chats copied from another machine', command: '<%= config.bin %> <%= command.id %> gemini --source ./backup/.gemini' },
    { description: 'A summary for scripts', command: '<%= config.bin %> <%= command.id %> claude-code --json' },
  ];
  static override args = {
    agent: Args.string({ description: 'Agent whose logs to import: claude-code, codex, gemini, amp, opencode (or an importer a plugin adds).', required: true }),
  };
  static override flags = {
    source: Flags.string({ description: "Folder to read instead of the agent's default folders; repeat for several.", helpValue: 'DIR', multiple: true }),
    since: Flags.string({
      description: "Only new sessions with a record on or after this date (YYYY-MM-DD) or ISO time, each imported whole; decided by the records' own times, not the files' dates.",
      helpValue: 'DATE',
    }),
    'all-projects': Flags.boolean({ description: 'Import sessions of every project, not only those inside this workspace.' }),
    workspace: workspaceFlag,
  };

  /** Finds the importers plugins provide (bad ones become warnings). */
  private async importers(): Promise<AnyImporter[]> {
    return resolveImporters(await runPluginHook(this.config, IMPORTERS_HOOK, this.warnings.warn), this.warnings.warn);
  }

  async run(): Promise<ImportSummary> {
    const { args, flags } = await this.parse(StatsImport);
    const since = flags.since === undefined ? undefined : parseSince(flags.since);
    const host = await this.openHost(flags.workspace);
    const importers = await this.importers();
    const importer = importers.find((i) => i.id === args.agent);
    if (!importer) {
      const known = importers.map((i) => i.id).join(', ') || 'none installed';
      throw new UsageError(`Unknown agent ${JSON.stringify(args.agent)}: choose one of ${known}.`);
    }
    const progress = progressFor(importer.title, !this.jsonEnabled());
    let summary: ImportSummary;
    try {
      summary = await runImport(host, {
        importer,
        ...(flags.source ? { sources: flags.source } : {}),
        ...(since ? { since } : {}),
        allProjects: flags['all-projects'],
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.stop();
    }
    if (!this.jsonEnabled()) this.print(describeImport(summary));
    return summary;
  }
}
