// A copy of a workspace that holds only its sessions' journals (hard links), as after recording
// without ever running a view: the first `history` folds every journal and writes its report.
import { linkSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { initWorkspace } from '@radium-stats/core';
import { freshScratch } from './scratch.mjs';

const SESSIONS = '.radium/_internals/sessions';

/** Makes `target` a workspace with `source`'s journals and nothing else; returns how many. */
export async function journalsOnlyWorkspace(source, target) {
  freshScratch(target);
  await initWorkspace(target);
  const names = readdirSync(path.join(source, SESSIONS)).filter((name) => name.endsWith('.events.jsonl'));
  for (const name of names) linkSync(path.join(source, SESSIONS, name), path.join(target, SESSIONS, name));
  return names.length;
}
