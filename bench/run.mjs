#!/usr/bin/env node
// `pnpm bench`: generates workspaces of 10, 10,000 and 100,000 sessions through the public event
// protocol, times the built `rad` CLI on them (medians of several runs, each a fresh process), and
// prints the figures and the ratios the scale issue asks for. See bench/README.md.
// `--quick` uses 10, 1,000 and 10,000 sessions (for trying the bench out).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeClaudeLogs } from './lib/claude-logs.mjs';
import { measureRounds, runNode } from './lib/measure.mjs';
import { int, markdownTable, mb, ms, ratio, textTable } from './lib/table.mjs';
import { codeHash, ensureWorkspace, repoRoot, reportStats, workDir } from './lib/workspaces.mjs';

const started = Date.now();
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10, 1_000, 10_000] : [10, 10_000, 100_000];
const CLAUDE_SESSIONS = quick ? 200 : 2_000;
const RECORD_EVENTS = 20_000;
const CLI_RECORD_EVENTS = 10_000;
const cli = path.join(repoRoot, 'packages/cli/bin/run.js');
const floorScript = path.join(repoRoot, 'bench/lib/floor.mjs');
const log = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(path.join(repoRoot, 'packages/cli/dist/commands'))) {
  log('The CLI is not built: run `pnpm bench` (it builds first) or `pnpm build`.');
  process.exit(1);
}
const rad = (...args) => [cli, ...args];
const indexDir = (workspace) => path.join(workspace, '.radium/_internals/index');

// 1. Workspaces (cached under bench/.work/ while the plugins' code is unchanged).
const workspaces = {};
for (const size of SIZES) {
  const { workspace, generated } = await ensureWorkspace(size, (done, total) => process.stderr.write(`\rGenerating ${int(total)} sessions: ${int(done)}`));
  if (generated) process.stderr.write('\n');
  workspaces[size] = workspace;
  const stats = reportStats(workspace);
  log(`Workspace of ${int(size)} sessions: ${int(stats.count)} reports, ${(stats.bytes / stats.count / 1024).toFixed(1)} KB each on average${generated ? ' (generated now)' : ' (cached)'}.`);
}

// 2. Commands at every size. The index is built once first, as any earlier command would have.
// Runs are interleaved (one of each command, then again), so a machine that gets busier or
// quieter during the bench shifts every figure alike instead of skewing the ratios.
for (const size of SIZES) runNode(rad('stats', 'model', '--workspace', workspaces[size]));
log('Timing history, model and session at every size, and rad --version…');
const fast = { version: rad('--version') };
for (const size of SIZES) {
  fast[`history@${size}`] = rad('stats', 'history', '--limit', '10', '--workspace', workspaces[size]);
  fast[`model@${size}`] = rad('stats', 'model', '--workspace', workspaces[size]);
  fast[`session@${size}`] = rad('stats', 'session', '--workspace', workspaces[size]);
}
const timed = measureRounds(Object.fromEntries(Object.entries(fast).map(([key, args]) => [key, { args }])), 7);
for (const size of SIZES) {
  log(`Timing the read-every-file floor and model with no index at ${int(size)} sessions…`);
  const workspace = workspaces[size];
  const cases = {
    floor: { args: [floorScript, workspace] },
    modelNoIndex: { args: rad('stats', 'model', '--workspace', workspace), before: () => rmSync(indexDir(workspace), { recursive: true, force: true }) },
  };
  const slow = measureRounds(cases, size >= 100_000 ? 2 : 3);
  timed[`floor@${size}`] = slow.floor;
  timed[`modelNoIndex@${size}`] = slow.modelNoIndex;
}
const results = Object.fromEntries(
  SIZES.map((size) => [size, Object.fromEntries(['history', 'model', 'session', 'floor', 'modelNoIndex'].map((c) => [c, timed[`${c}@${size}`]]))]),
);
const version = timed.version;

// 3. Events recorded per second: the library API, and `rad session record` fed a batch on stdin.
log('Timing event recording…');
const eventsDir = path.join(workDir, 'events-ws');
rmSync(eventsDir, { recursive: true, force: true });
mkdirSync(path.join(eventsDir, '.radium/_internals/sessions'), { recursive: true });
const library = JSON.parse(runNode([path.join(repoRoot, 'bench/lib/record-rate.mjs'), eventsDir, String(RECORD_EVENTS)], { capture: true }).stdout);
const session = JSON.parse(runNode(rad('session', 'start', '--workspace', eventsDir, '--json'), { capture: true }).stdout);
const sessionId = session.sessionId ?? session.id;
const lines = Array.from({ length: CLI_RECORD_EVENTS }, (_, i) =>
  JSON.stringify(i % 2 ? { type: 'tool.call', name: 'Read', success: true, durationMs: 12 } : { type: 'api.response', model: 'gpt-5', engine: 'openai', durationMs: 700, tokens: { input: 900, output: 40 } }),
).join('\n');
const viaCli = runNode(rad('session', 'record', '--session-id', sessionId, '--workspace', eventsDir), { input: `${lines}\n` });
runNode(rad('session', 'end', '--session-id', sessionId, '--workspace', eventsDir));

// 4. Importing Claude Code logs, against ccusage reading the same logs.
log(`Timing the Claude Code importer and ccusage on ${int(CLAUDE_SESSIONS)} generated sessions…`);
const claudeRoot = path.join(workDir, `claude-${CLAUDE_SESSIONS}-${codeHash()}`);
if (!existsSync(path.join(claudeRoot, 'projects'))) {
  rmSync(claudeRoot, { recursive: true, force: true });
  writeClaudeLogs(claudeRoot, CLAUDE_SESSIONS);
}
const claudeEnv = { CLAUDE_CONFIG_DIR: claudeRoot };
const importing = {};
try {
  const ccusage = createRequire(path.join(repoRoot, 'bench/package.json')).resolve('ccusage/package.json');
  const ccusageBin = path.join(path.dirname(ccusage), 'dist/index.js');
  importing.ccusageFirst = runNode([ccusageBin, 'session', '--json', '--offline'], { env: claudeEnv });
  importing.ccusageRepeat = runNode([ccusageBin, 'session', '--json', '--offline'], { env: claudeEnv });
} catch (error) {
  importing.ccusageSkipped = (error).message;
}
try {
  const importWs = path.join(workDir, 'import-ws');
  rmSync(importWs, { recursive: true, force: true });
  mkdirSync(path.join(importWs, '.radium/_internals/sessions'), { recursive: true });
  const args = rad('stats', 'import', 'claude-code', '--all-projects', '--workspace', importWs);
  importing.radFirst = runNode(args, { env: claudeEnv });
  importing.radRepeat = runNode(args, { env: claudeEnv });
} catch (error) {
  importing.radSkipped = (error).message;
}

// 5. Report.
const big = SIZES[SIZES.length - 1];
const sizeHeader = SIZES.map((s) => `${int(s)} sessions`);
const commandRows = [
  ['rad stats history --limit 10', (r) => r.history],
  ['rad stats model (index current)', (r) => r.model],
  ['rad stats model (index deleted)', (r) => r.modelNoIndex],
  ['rad stats session (latest)', (r) => r.session],
  ['floor: read + parse every report', (r) => r.floor],
].map(([label, pick]) => [label, ...SIZES.map((s) => ms(pick(results[s]).ms)), mb(pick(results[big]).rssMb)]);
commandRows.push(['rad --version', ...SIZES.map(() => ms(version.ms)), mb(version.rssMb)]);
const header = ['command (median wall time)', ...sizeHeader, `peak RSS @ ${int(big)}`];

const r = results[big];
const ratios = [
  [`history --limit 10: ${int(big)} vs ${int(SIZES[0])} sessions`, ratio(r.history.ms / results[SIZES[0]].history.ms), 'about 1 wanted'],
  [`model at ${int(big)}: read-every-file floor / model with index`, ratio(r.floor.ms / r.model.ms), 'times faster than the floor'],
  [`model at ${int(big)} with no index / floor`, ratio(r.modelNoIndex.ms / r.floor.ms), 'close to 1 wanted'],
  ['rad stats session / rad --version', ratio(r.session.ms / version.ms), `at ${int(big)} sessions`],
];
const eventRows = [
  ['library API (SessionRecorder.record)', `${int(library.perSecond)} events/s`, `${int(RECORD_EVENTS)} events`],
  ['rad session record (JSON lines on stdin)', `${int(CLI_RECORD_EVENTS / (viaCli.ms / 1000))} events/s`, `${int(CLI_RECORD_EVENTS)} events in one call, start-up included`],
];
const importRows = [];
for (const [label, first, repeat, skipped] of [
  ['ccusage 18.0.11 session --json --offline', importing.ccusageFirst, importing.ccusageRepeat, importing.ccusageSkipped],
  ['rad stats import claude-code --all-projects', importing.radFirst, importing.radRepeat, importing.radSkipped],
]) {
  importRows.push(skipped ? [label, 'skipped', skipped.slice(0, 120), ''] : [label, ms(first.ms), ms(repeat.ms), mb(Math.max(first.rssMb, repeat.rssMb))]);
}

const machine = `node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`;
const out = [
  `rad stats benchmark: ${machine}`,
  '',
  textTable(header, commandRows),
  '',
  textTable(['ratio', 'measured', ''], ratios),
  '',
  textTable(['events recorded', 'rate', ''], eventRows),
  '',
  textTable([`importing ${int(CLAUDE_SESSIONS)} Claude Code sessions`, 'first run', 'repeat run', 'peak RSS'], importRows),
  '',
  `Whole bench: ${ms(Date.now() - started)}.`,
];
process.stdout.write(`${out.join('\n')}\n`);

mkdirSync(workDir, { recursive: true });
const markdown = [
  `Measured on ${machine}.`,
  '',
  markdownTable(header, commandRows),
  '',
  markdownTable(['ratio', 'measured', ''], ratios),
  '',
  markdownTable(['events recorded', 'rate', ''], eventRows),
  '',
  markdownTable([`importing ${int(CLAUDE_SESSIONS)} Claude Code sessions`, 'first run', 'repeat run', 'peak RSS'], importRows),
  '',
  `Whole bench: ${ms(Date.now() - started)}.`,
].join('\n');
writeFileSync(path.join(workDir, 'results.md'), `${markdown}\n`);
writeFileSync(path.join(workDir, 'results.json'), `${JSON.stringify({ machine, sizes: SIZES, results, version, library, viaCliMs: viaCli.ms, importing, tmp: tmpdir() }, null, 2)}\n`);
log(`Results also written to ${path.relative(process.cwd(), path.join(workDir, 'results.md'))}.`);
