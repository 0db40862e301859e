// Runs commands as child processes and reports wall time (median of repetitions) and peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.cjs');
const scratch = mkdtempSync(path.join(tmpdir(), 'rad-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `node <args>` once; returns wall ms, peak RSS in MB (and stdout with `capture`). Throws with stderr when it fails. */
export function runNode(args, { env = {}, cwd, input, capture = false } = {}) {
  const rssFile = path.join(scratch, `rss-${process.hrtime.bigint()}`);
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd,
    input,
    env: { ...process.env, ...env, NODE_OPTIONS: `--require ${preload}`, RAD_BENCH_RSS_FILE: rssFile, FORCE_COLOR: '0' },
    stdio: [input === undefined ? 'ignore' : 'pipe', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status ?? result.signal}): ${String(result.stderr).trim().split('\n').slice(-3).join(' | ')}`);
  let rssMb = NaN;
  try {
    rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  } catch {
    // The command exited without running exit handlers.
  }
  return { ms, rssMb, stdout: capture ? String(result.stdout) : '' };
}

/**
 * Runs each case `reps` times, interleaved (a, b, c, a, b, c, …); per case the median wall ms,
 * the largest peak RSS and every run's ms. `before` runs ahead of each run of its case.
 */
export function measureRounds(cases, reps) {
  const runs = Object.fromEntries(Object.keys(cases).map((key) => [key, []]));
  for (let i = 0; i < reps; i++) {
    for (const [key, { args, before, ...options }] of Object.entries(cases)) {
      before?.();
      runs[key].push(runNode(args, options));
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([key, list]) => [key, { ms: median(list.map((r) => r.ms)), rssMb: Math.max(...list.map((r) => r.rssMb)), runs: list.map((r) => Math.round(r.ms)) }]),
  );
}
