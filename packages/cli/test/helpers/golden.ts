import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { CLI_ROOT } from './rad.js';

/**
 * Compares human output with test/golden/<name>.txt. `UPDATE_GOLDEN=1` rewrites the file (review
 * the diff: a golden change is a visible change for users).
 */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(CLI_ROOT, 'test', 'golden', `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${file} did not exist; it was written. Check it and run again.`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** Replaces what varies between runs (temp paths, generated ids, times) with fixed markers. */
export function normalize(text: string, replacements: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(replacements)) out = out.split(from).join(to);
  return out;
}
