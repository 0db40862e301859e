#!/usr/bin/env node
// `pnpm bench`: generates workspaces of 10, 10,000 and 100,000 sessions through the public event
// protocol, times the built `rad` CLI on them (medians of several runs, each a fresh process), and
// prints the figures and the ratios the scale issue asks for. See bench/README.md.
// `--quick` uses 10, 1,000 and 10,000 sessions (for trying the bench out).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { measureRecording } from './lib/events-rate.mjs';
import { measureImporters } from './lib/importers.mjs';
import { measureAutoImport } from './lib/auto-import.mjs';
import { measureBigImport } from './lib/big-import.mjs';
import { measureWarehouse } from './lib/warehouse.mjs';
import { journalsOnlyWorkspace } from './lib/journals-only.mjs';
import { measureRounds, runNode } from './lib/measure.mjs';
import { renderReport } from './lib/report.mjs';
import { discardScratch, removeDiscarded } from './lib/scratch.mjs';
import { int } from './lib/table.mjs';
import { codeHash, ensureWorkspace, repoRoot, reportStats, workDir } from './lib/workspaces.mjs';

const started = Date.now();
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10, 1_000, 10_000] : [10, 10_000, 100_000];
const CLAUDE_SESSIONS = quick ? 200 : 2_000;
const RECORD_EVENTS = 20_000;
const CLI_RECORD_EVENTS = 10_000;
// One Claude Code transcript of this size is imported once, for the importer's peak memory.
const BIG_TRANSCRIPT_BYTES = quick ? 256 * 1024 ** 2 : 1024 ** 3;
const cli = path.join(repoRoot, 'packages/cli/bin/run.js');
const floorScript = path.join(repoRoot, 'bench/lib/floor.mjs');
const boundScript = path.join(repoRoot, 'bench/lib/rebuild-bound.mjs');
const log = (line) => process.stderr.write(`${line}\n`);
const FILTER = ['--since', '2025-07-01', '--until', '2025-09-30', '--timezone', 'Europe/Paris', '--agent', 'bench-agent'];
// The last 30 days of the generated year, one row per local day (none of them a whole UTC day).
const DAILY = ['--since', '2025-12-02', '--until', '2025-12-31', '--timezone', 'Europe/Paris'];
// Claude Code's status line JSON (what it pipes to `rad statusline` after every message) from a
// workspace's folder, for a session the store does not hold: the bench workspaces have no imported ones.
const statusInput = (workspace) =>
  JSON.stringify({
    session_id: '6170607e-0000-4000-8000-000000000000',
    model: { id: 'claude-opus-4-6', display_name: 'Opus' },
    workspace: { current_dir: workspace, project_dir: workspace },
    cost: { total_cost_usd: 0.84 },
    rate_limits: { five_hour: { used_percentage: 42 }, seven_day: { used_percentage: 13 } },
  });

if (!existsSync(path.join(repoRoot, 'packages/cli/dist/commands'))) {
  log('The CLI is not built: run `pnpm bench` (it builds first) or `pnpm build`.');
  process.exit(1);
}
const rad = (...args) => [cli, ...args];
const storeFile = (workspace) => path.join(workspace, '.radium/_internals/stats.db');

// 1. Workspaces (cached under bench/.work/ while the plugins' code is unchanged).
const workspaces = {};
for (const size of SIZES) {
  const { workspace, generated } = await ensureWorkspace(size, (done, total) => process.stderr.write(`\rGenerating ${int(total)} sessions: ${int(done)}`));
  if (generated) process.stderr.write('\n');
  workspaces[size] = workspace;
  const stats = reportStats(workspace);
  log(`Workspace of ${int(size)} sessions: ${int(stats.count)} reports, ${(stats.bytes / stats.count / 1024).toFixed(1)} KB each on average${generated ? ' (generated now)' : ' (cached)'}.`);
}

// 2. Commands at every size. The store is built once first, as any earlier command would have.
// Runs are interleaved (one of each command, then again), so a machine that gets busier or
// quieter during the bench shifts every figure alike instead of skewing the ratios.
for (const size of SIZES) runNode(rad('stats', 'model', '--workspace', workspaces[size]));
log('Timing history, model, session and statusline at every size, and rad --version…');
const fast = { version: rad('--version') };
const inputs = {};
for (const size of SIZES) {
  fast[`history@${size}`] = rad('stats', 'history', '--limit', '10', '--workspace', workspaces[size]);
  fast[`model@${size}`] = rad('stats', 'model', '--workspace', workspaces[size]);
  fast[`engine@${size}`] = rad('stats', 'engine', '--workspace', workspaces[size]);
  // A quarter in a time zone east of UTC (its ends are not whole UTC days), for one agent.
  fast[`filtered@${size}`] = rad('stats', 'model', ...FILTER, '--workspace', workspaces[size]);
  fast[`daily@${size}`] = rad('stats', 'daily', ...DAILY, '--workspace', workspaces[size]);
  fast[`session@${size}`] = rad('stats', 'session', '--workspace', workspaces[size]);
  fast[`statusline@${size}`] = rad('statusline');
  inputs[`statusline@${size}`] = statusInput(workspaces[size]);
}
const timed = measureRounds(Object.fromEntries(Object.entries(fast).map(([key, args]) => [key, { args, input: inputs[key] }])), 7);
for (const size of SIZES) {
  log(`Timing the read-every-file floor, the one-thread rebuild bound and model with no store at ${int(size)} sessions…`);
  const workspace = workspaces[size];
  const cases = {
    floor: { args: [floorScript, workspace] },
    // Reads the schema from the store, so it runs before the case that deletes it.
    bound: { args: [boundScript, workspace] },
    modelNoIndex: { args: rad('stats', 'model', '--workspace', workspace), before: () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(storeFile(workspace) + suffix, { force: true })) },
  };
  const slow = measureRounds(cases, 3);
  timed[`floor@${size}`] = slow.floor;
  timed[`bound@${size}`] = slow.bound;
  timed[`modelNoIndex@${size}`] = slow.modelNoIndex;
}
// The first `history` of a workspace that has only journals (every session recorded, no view run
// yet) folds every journal and writes every report: measured once, at the largest size, for its memory.
const big = SIZES[SIZES.length - 1];
const journalsOnly = path.join(workDir, `journals-only-${big}`);
log(`Timing the first history over ${int(await journalsOnlyWorkspace(workspaces[big], journalsOnly))} journals with no reports…`);
const firstHistory = measureRounds({ firstHistory: { args: rad('stats', 'history', '--limit', '10', '--workspace', journalsOnly) } }, 1).firstHistory;
discardScratch(journalsOnly);
const results = Object.fromEntries(
  SIZES.map((size) => [size, Object.fromEntries(['history', 'model', 'engine', 'filtered', 'daily', 'session', 'statusline', 'floor', 'bound', 'modelNoIndex'].map((c) => [c, timed[`${c}@${size}`]]))]),
);
const version = timed.version;

// 3. Events recorded per second, and 4. the Claude Code importer against ccusage.
log('Timing event recording…');
const settings = { libraryEvents: RECORD_EVENTS, cliEvents: CLI_RECORD_EVENTS, claudeSessions: CLAUDE_SESSIONS };
const recording = measureRecording({ repoRoot, workDir, rad, libraryEvents: RECORD_EVENTS, cliEvents: CLI_RECORD_EVENTS });
log(`Timing the Claude Code importer and ccusage on ${int(CLAUDE_SESSIONS)} generated sessions…`);
const importing = measureImporters({ repoRoot, workDir, rad, sessions: CLAUDE_SESSIONS, key: codeHash() });
log(`Timing rad stats model with auto-import on (nothing new) and off, over ${int(CLAUDE_SESSIONS)} imported Claude Code sessions…`);
// 15 runs each: the two differ by a few tens of ms, as much as one run of either on a busy machine.
const autoImport = measureAutoImport({ workDir, rad, sessions: CLAUDE_SESSIONS, key: codeHash(), reps: 15 });
log(`Importing one Claude Code transcript of ${int(BIG_TRANSCRIPT_BYTES / 1024 ** 2)} MB (generated once, about 30 s a GB)…`);
const bigImport = measureBigImport({ workDir, rad, bytes: BIG_TRANSCRIPT_BYTES });
// 5. The team warehouse: a push of the 10,000-session workspace (the largest with --quick) to ClickHouse, and the
// team query over those sessions spread over 20 developers against 100 times as many, copied inside ClickHouse.
const warehouseSize = SIZES.includes(10_000) ? 10_000 : big;
log(`Pushing ${int(warehouseSize)} sessions to ClickHouse and timing model --warehouse --by developer over ${int(warehouseSize)} and ${int(warehouseSize * 100)} sessions…`);
const warehouse = await measureWarehouse({ workDir, rad, workspace: workspaces[warehouseSize], sessions: warehouseSize, copies: 100, reps: 5 });
// Scratch folders go only now that nothing more is timed (see lib/scratch.mjs).
removeDiscarded(workDir);

// 6. Report.
const machine = `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`;
const report = renderReport({ machine, sizes: SIZES, results, version, firstHistory, recording, importing, autoImport, bigImport, warehouse, settings, seconds: (Date.now() - started) / 1000 });
process.stdout.write(`${report.text}\n`);
mkdirSync(workDir, { recursive: true });
writeFileSync(path.join(workDir, 'results.md'), `${report.markdown}\n`);
writeFileSync(path.join(workDir, 'results.json'), `${JSON.stringify({ machine, sizes: SIZES, results, version, firstHistory, recording, importing, autoImport, bigImport, warehouse }, null, 2)}\n`);
log(`Results also written to ${path.relative(process.cwd(), path.join(workDir, 'results.md'))}.`);
