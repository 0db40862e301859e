// Events recorded per second: the library API, and `rad session record` fed a batch on stdin.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { runNode } from './measure.mjs';
import { freshScratch } from './scratch.mjs';

/** Measures both recording paths in a fresh workspace under `workDir`. */
export function measureRecording({ repoRoot, workDir, rad, libraryEvents, cliEvents }) {
  const workspace = path.join(workDir, 'events-ws');
  freshScratch(workspace);
  mkdirSync(path.join(workspace, '.radium/_internals/sessions'), { recursive: true });
  const library = JSON.parse(runNode([path.join(repoRoot, 'bench/lib/record-rate.mjs'), workspace, String(libraryEvents)], { capture: true }).stdout);
  const { sessionId } = JSON.parse(runNode(rad('session', 'start', '--workspace', workspace, '--json'), { capture: true }).stdout);
  const lines = Array.from({ length: cliEvents }, (_, i) =>
    JSON.stringify(
      i % 2
        ? { type: 'tool.call', name: 'Read', success: true, durationMs: 12 }
        : { type: 'api.response', model: 'gpt-5', engine: 'openai', durationMs: 700, tokens: { input: 900, output: 40 } },
    ),
  );
  const viaCli = runNode(rad('session', 'record', '--session-id', sessionId, '--workspace', workspace), { input: `${lines.join('\n')}\n` });
  runNode(rad('session', 'end', '--session-id', sessionId, '--workspace', workspace));
  return { libraryPerSecond: library.perSecond, cliPerSecond: cliEvents / (viaCli.ms / 1000), cliMs: viaCli.ms };
}
