import { toConfiguredId, type Hook } from '@oclif/core';
import { UsageError, escapeTerminal, toSafeJson } from '@radium-stats/core';
import type { ErrorJson } from '../base/rad-command.js';
import { unknownCommandMessage } from '../usage/unknown-command.js';

/**
 * `rad <unknown command>`: one `Error: …` line with the likely command and a pointer to the help, exit 2,
 * as for rad's own usage errors (the documented error JSON under `--json`). Written here rather than
 * taken from `@oclif/plugin-not-found`, which asks "did you mean …? (y/n)" and prints oclif's multi-line
 * warning instead of one line.
 */
const hook: Hook<'command_not_found'> = async function ({ argv = [], config, id }) {
  const visible = config.commands.filter((c) => !c.hidden);
  const names = {
    commands: visible.flatMap((c) => [c.id, ...c.aliases]).map((name) => toConfiguredId(name, config)),
    topics: config.topics.filter((t) => !t.hidden).map((t) => toConfiguredId(t.name, config)),
  };
  // The words typed before the first flag: oclif's unknown id, and any words it left in argv.
  const typed = [...toConfiguredId(id, config).split(' '), ...argv];
  const firstFlag = typed.findIndex((word) => word.startsWith('-'));
  const words = firstFlag === -1 ? typed : typed.slice(0, firstFlag);
  const error = new UsageError(unknownCommandMessage(config.bin, words, names));
  if (argv.includes('--json')) {
    const json: ErrorJson = { error: { name: error.name, message: error.message, exitCode: error.exitCode } };
    process.stdout.write(`${toSafeJson(json, 2)}\n`);
  } else {
    process.stderr.write(`Error: ${escapeTerminal(error.message)}\n`);
  }
  this.exit(error.exitCode);
};

export default hook;
