import { nodeCrypto } from '../node-crypto.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { processAlive } from '../host/process-alive.js';

// `.<target name>.<pid>.<random>.tmp`; the random part is optional so temps of older versions (`.<name>.<pid>.tmp`) match too.
const TEMP_NAME = /^\.(.+)\.(\d{1,10})(?:\.[0-9a-f]{12})?\.tmp$/;

/** Path of a new temp file beside `target`, named after it and this process so a later writer can tell when it was orphaned. */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomHex12()}.tmp`);
}

// Random bytes drawn 256 names at a time: one call per temp file showed in an import of thousands of sessions.
const POOL_NAMES = 256;
let pool = Buffer.alloc(0);
let poolAt = 0;

/** Twelve random hex digits (six bytes) from the pool. */
function randomHex12(): string {
  if (poolAt + 6 > pool.length) {
    pool = nodeCrypto().randomBytes(6 * POOL_NAMES);
    poolAt = 0;
  }
  poolAt += 6;
  return pool.toString('hex', poolAt - 6, poolAt);
}

/**
 * Removes temp files in `dir` left by processes that no longer run (a crash between creating a
 * temp and renaming it). Only regular files whose name has a pid of a dead process go; with
 * `targetName`, only temps of that one target. Returns the paths removed; never throws.
 */
export async function removeStaleTemps(dir: string, targetName?: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = TEMP_NAME.exec(entry.name);
    if (!match || !entry.isFile() || (targetName !== undefined && match[1] !== targetName)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    const file = path.join(dir, entry.name);
    // Another writer may be sweeping the same folder; losing that race is fine.
    if (await fs.unlink(file).then(() => true, () => false)) removed.push(file);
  }
  return removed;
}

const swept = new Map<string, Promise<unknown>>();

/**
 * `removeStaleTemps(dir)` once per folder per process: a rebuild writes thousands of reports into
 * one folder, and reading that folder before each write would make it quadratic.
 */
export function removeStaleTempsOnce(dir: string): Promise<unknown> {
  const key = path.resolve(dir);
  let sweep = swept.get(key);
  if (!sweep) {
    sweep = removeStaleTemps(key);
    swept.set(key, sweep);
  }
  return sweep;
}
