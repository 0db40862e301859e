// `rad stats model` with auto-import on and nothing new, against the same view with it off: the cost
// of asking "anything new?" (listing the log folders and stat'ing each file) before a view answers.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freshScratch } from './scratch.mjs';
import { writeClaudeLogs } from './claude-logs.mjs';
import { measureRounds, runNode } from './measure.mjs';

/**
 * Imports `sessions` generated Claude Code sessions (the importer bench's, generated when missing)
 * into a global workspace whose config lists claude-code under `import.auto`, then times
 * `rad stats model` with auto-import on (nothing new) and with `--no-import`, interleaved, and once
 * the first view after the import.
 */
export function measureAutoImport({ workDir, rad, sessions, key, reps }) {
  const logs = path.join(workDir, `claude-${sessions}-${key}`);
  if (!existsSync(path.join(logs, 'projects'))) {
    rmSync(logs, { recursive: true, force: true });
    writeClaudeLogs(logs, sessions);
  }
  const workspace = path.join(workDir, 'auto-import-ws');
  freshScratch(workspace);
  mkdirSync(path.join(workspace, '.radium/_internals/sessions'), { recursive: true });
  writeFileSync(path.join(workspace, '.radium/stats.config.json'), `${JSON.stringify({ import: { auto: ['claude-code'] } })}\n`);
  // The global workspace (RADIUM_HOME) imports the sessions of every project, as the generated ones are.
  const env = { CLAUDE_CONFIG_DIR: logs, RADIUM_HOME: workspace };
  const model = rad('stats', 'model', '--workspace', workspace);
  // The first view imports every log and builds the store. The one after it is no "nothing new"
  // either: it compares every file with the state the import left and notes the listing as settled
  // (a write), once after each import; it is timed apart as `afterImport`.
  runNode(model, { env });
  const afterImport = runNode(model, { env });
  return { ...measureRounds({ on: { args: model, env }, off: { args: [...model, '--no-import'], env } }, reps), afterImport };
}
