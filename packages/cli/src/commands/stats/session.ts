import { Flags } from '@oclif/core';
import { UsageError, type SessionReport } from '@radium-stats/core';
import { RadCommand } from '../../base/rad-command.js';
import { sessionIdFlag, workspaceFlag, noImportFlag } from '../../base/flags.js';
import { assertTerminal, parseInterval, watchSession } from '../../live/watch-session.js';
import { renderBlocks } from '../../output/render-blocks.js';
import { activeReport } from '../../views/active-report.js';
import { selectSession } from '../../views/select-session.js';
import { sessionBlocks } from '../../views/session-view.js';

/** `rad stats session`: one session's summary. */
export default class StatsSession extends RadCommand {
  static override summary = 'Show the current (live) or most recent session.';
  static override description =
    'Every metric plugin adds its part: tool calls and success rate, code changes, wall, API and tool time, and per-model tokens. ' +
    'With --json the session report is printed (schema: schema/session.schema.json), holding the sections of the plugins switched on. ' +
    'With --watch (in a terminal) the live session is redrawn in place every --interval seconds, with its burn rate (cost per hour so far) and the tokens of the last five minutes, until it ends or you press q or Ctrl-C.';
  static override examples = [
    { description: 'The live or most recent session', command: '<%= config.bin %> <%= command.id %>' },
    { description: 'One session by id', command: '<%= config.bin %> <%= command.id %> --session-id 3c6ddcd3-85b6-48f1-88e1-f428ca458337' },
    { description: 'As JSON, for scripts', command: '<%= config.bin %> <%= command.id %> --json' },
    { description: 'Follow the live session, redrawn every 5 seconds', command: '<%= config.bin %> <%= command.id %> --watch --interval 5' },
    { description: 'Another workspace', command: '<%= config.bin %> <%= command.id %> --workspace examples/workspace' },
  ];
  static override flags = {
    'session-id': sessionIdFlag('Session to show; default: the live or most recent session.'),
    workspace: workspaceFlag,
    'no-import': noImportFlag,
    watch: Flags.boolean({ description: 'Redraw the live session (or --session-id) in place until it ends or you press q or Ctrl-C, with its burn rate and the tokens of the last five minutes. Needs a terminal.' }),
    interval: Flags.string({ description: 'Seconds between redraws of --watch (default: 2).', helpValue: 'SECONDS' }),
  };

  async run(): Promise<SessionReport> {
    const { flags } = await this.parse(StatsSession);
    if (flags.watch || flags.interval !== undefined) return this.runWatch(flags);
    const host = await this.openViewHost(flags);
    const report = await selectSession(host, flags['session-id']);
    if (!this.jsonEnabled()) this.print(renderBlocks(sessionBlocks(report, host.plugins, host.warnings.warn), this.style, this.warnings.warn, this.width));
    return activeReport(report, host.plugins);
  }

  /** `--watch`: checked before any work, so a pipe or --json is refused at once. */
  private async runWatch(flags: { watch: boolean; interval: string | undefined; 'session-id': string | undefined; workspace: string | undefined; 'no-import': boolean | undefined }): Promise<SessionReport> {
    if (!flags.watch) throw new UsageError('--interval sets how often --watch redraws: add --watch.');
    if (this.jsonEnabled()) throw new UsageError('--watch draws on a terminal and prints no JSON: leave out --json, or --watch for one report.');
    const intervalMs = parseInterval(flags.interval);
    const terminal = { input: process.stdin, output: process.stdout };
    assertTerminal(terminal);
    const host = await this.openViewHost(flags);
    const watched = await watchSession(host, { sessionId: flags['session-id'], intervalMs, terminal, style: this.style, warn: this.warnings.warn });
    // The last frame stays on the main screen once the session is over; a user who quit has seen it.
    if (watched.ended) this.print(`${watched.last.text}\n\nThe session is ${watched.last.report.status}: nothing more to watch.`);
    return activeReport(watched.last.report, host.plugins);
  }
}
