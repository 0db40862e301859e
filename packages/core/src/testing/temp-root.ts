import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: points TMPDIR at one fresh folder for the whole run and removes it afterwards,
 * passed or failed, so nothing a test (or a `rad` it spawns) creates in the temp dir outlives the run.
 * Workers and child processes inherit TMPDIR, and `os.tmpdir()` reads it on every call.
 */
export default function setup(): () => void {
  const previous = process.env['TMPDIR'];
  const root = mkdtempSync(path.join(tmpdir(), 'rad-test-run-'));
  process.env['TMPDIR'] = root;
  return () => {
    if (previous === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previous;
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
