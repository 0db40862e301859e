import { Flags } from '@oclif/core';
import { escapeTerminal } from '@radium-stats/core';
import { RadCommand } from '../base/rad-command.js';
import { workspaceFlag } from '../base/flags.js';
import { parseStatusInput } from '../statusline/input.js';
import { readStdin } from '../statusline/read-stdin.js';
import { NOTHING_KNOWN, renderStatusLine, statusColor } from '../statusline/render.js';
import { statusParts } from '../statusline/status-parts.js';

/** `rad statusline`: one line for Claude Code's status bar. */
export default class Statusline extends RadCommand {
  static override enableJsonFlag = false;
  static override summary = "Print costs for Claude Code's status bar from its JSON on stdin.";
  static override description =
    'Shows the model, this session\'s cost, today\'s cost, the cache hit rate and, when Claude Code reports them, the five-hour and seven-day limits used: ' +
    '`Opus · $0.84 session · $12.31 today · cache 91% · 5h 42% · 7d 13%`. ' +
    'The session\'s cost and cache rate are the store\'s when it holds the session (imported as claude-code-<session_id>), else Claude Code\'s own estimate and today\'s rate; ' +
    'today (local day) is what `rad stats daily` shows for it. The workspace is the nearest above Claude Code\'s folders, else the global one (rad init --global). ' +
    'It never fails the status bar: whatever cannot be read is left out, with nothing on stderr unless --debug. ' +
    'Set it up in Claude Code\'s settings.json: "statusLine": {"type": "command", "command": "rad statusline"}.';
  static override examples = [
    { description: 'As Claude Code runs it', command: `echo '{"session_id":"6170607e","model":{"display_name":"Opus"},"cost":{"total_cost_usd":0.84}}' | <%= config.bin %> <%= command.id %>` },
    { description: 'With colours (Claude Code shows ANSI colours)', command: '<%= config.bin %> <%= command.id %> --color' },
  ];
  static override flags = {
    workspace: workspaceFlag,
    color: Flags.boolean({ description: 'Colour the limits even when stdout is not a terminal (Claude Code runs the command without one); NO_COLOR still turns colour off.' }),
    debug: Flags.boolean({ description: 'Say on stderr why a figure is missing (no workspace, no store, session not imported).' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Statusline);
    const debug = flags.debug ? (message: string) => process.stderr.write(`rad statusline: ${escapeTerminal(message)}\n`) : () => {};
    let line = NOTHING_KNOWN;
    try {
      const input = parseStatusInput(await readStdin());
      const parts = await statusParts(input, { config: this.config, workspace: flags.workspace, env: process.env, cwd: process.cwd(), nowMs: Date.now(), debug });
      line = renderStatusLine(parts, statusColor(flags.color, process.stdout, process.env));
    } catch (error) {
      debug(`failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.stdout.write(`${line}\n`);
  }
}
