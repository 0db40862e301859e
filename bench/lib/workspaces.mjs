// Generated workspaces, cached under bench/.work/ by size, generator version and plugin code.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWorkspace } from '@radium-stats/core';

/** Bump when the generated sessions change shape. */
export const GENERATOR_VERSION = 1;

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(benchDir, '..');
export const workDir = path.join(benchDir, '.work');

/** The TypeScript sources under `dir`, tests left out (dist/ is bundled, so its files no longer map to these folders). */
function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Hash of the code that decides what a report holds: the plugins and core's event and fold code. */
export function codeHash() {
  const hash = createHash('sha256').update(String(GENERATOR_VERSION));
  const dirs = ['tools', 'git', 'timing', 'tokens', 'cache'].map((p) => path.join(repoRoot, 'plugins', p, 'src'));
  dirs.push(path.join(repoRoot, 'packages/core/src/events'), path.join(repoRoot, 'packages/core/src/report'));
  for (const file of dirs.flatMap(sourceFiles)) hash.update(file.slice(repoRoot.length)).update(readFileSync(file));
  hash.update(readFileSync(path.join(benchDir, 'lib/session-events.mjs')));
  return hash.digest('hex').slice(0, 12);
}

/** Runs the generator in parallel child processes (one per core). */
async function generate(workspace, total, onProgress) {
  const workers = Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(total / 1000)));
  const script = path.join(benchDir, 'lib/generate-worker.mjs');
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = Math.floor((w * total) / workers);
      const to = Math.floor(((w + 1) * total) / workers);
      return new Promise((resolve, reject) => {
        const child = fork(script, [workspace, String(from), String(to), String(total)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        child.on('message', (m) => onProgress?.((done += m.done), total));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`))));
      });
    }),
  );
}

/** A workspace with `total` ended sessions, generated unless a current copy is cached. */
export async function ensureWorkspace(total, onProgress) {
  const key = `ws-${total}-${codeHash()}`;
  const workspace = path.join(workDir, key);
  const marker = path.join(workspace, 'generated.json');
  if (existsSync(marker)) return { workspace, generated: false };
  mkdirSync(workDir, { recursive: true });
  for (const old of readdirSync(workDir)) if (old.startsWith(`ws-${total}-`)) rmSync(path.join(workDir, old), { recursive: true, force: true });
  await initWorkspace(workspace);
  const started = Date.now();
  await generate(workspace, total, onProgress);
  writeFileSync(marker, JSON.stringify({ total, generator: GENERATOR_VERSION, seconds: (Date.now() - started) / 1000 }));
  return { workspace, generated: true };
}

/** Bytes of the report files of a workspace and how many there are. */
export function reportStats(workspace) {
  const dir = path.join(workspace, '.radium/_internals/sessions');
  let bytes = 0;
  let count = 0;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name.endsWith('.events.jsonl')) continue;
    bytes += statSync(path.join(dir, name)).size;
    count += 1;
  }
  return { count, bytes };
}
