// The floor a naive tool pays: read and JSON.parse every report of a workspace, nothing else.
// Usage: node floor.mjs <workspace>
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(process.argv[2], '.radium', '_internals', 'sessions');
let reports = 0;
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.json') || name.startsWith('.')) continue;
  JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  reports += 1;
}
process.stdout.write(`${reports}\n`);
