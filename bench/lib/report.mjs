// Turns the measurements into the printed tables (and the same as Markdown for the README).
import { int, markdownTable, mb, ms, ratio, textTable } from './table.mjs';
import { CCUSAGE } from './importers.mjs';

/** The ratio row of the one-transcript import: its peak RSS against the target, or why it did not run. */
function bigImportRow(big) {
  if (big.skipped) return ['rad stats import claude-code, one large transcript: peak RSS', 'skipped', big.skipped.slice(0, 160)];
  const size = big.bytes >= 1024 ** 3 ? `${(big.bytes / 1024 ** 3).toFixed(1)} GB` : mb(big.bytes / 1024 ** 2);
  return [`rad stats import claude-code, one ${size} transcript (${ms(big.ms)}): peak RSS`, mb(big.rssMb), 'target < 300 MB'];
}

/** The team warehouse's rows: the team query's ratio in the ratio table, and the push rate. */
function warehouseRows(w) {
  if (w.skipped) return { ratio: ['model --warehouse --by developer: 1,000,000 vs 10,000 sessions', 'skipped', w.skipped.slice(0, 160)], push: ['rad stats push to ClickHouse', 'skipped', w.skipped.slice(0, 160)] };
  const { small, large } = w.team;
  return {
    ratio: [
      `model --warehouse --by developer: ${int(large.sessions)} vs ${int(small.sessions)} sessions of ${large.developers} developers (${ms(large.ms)} / ${ms(small.ms)})`,
      ratio(large.ms / small.ms),
      'target <= 3',
    ],
    push: ['rad stats push to ClickHouse', `${int(w.push.perSecond)} sessions/s`, `${int(w.push.sessions)} sessions in ${ms(w.push.ms)}, peak RSS ${mb(w.push.rssMb)}`],
  };
}

/** The report as text and as Markdown. */
export function renderReport({ machine, sizes, results, version, firstHistory, recording, importing, autoImport, bigImport, warehouse, settings, seconds }) {
  const team = warehouseRows(warehouse);
  const big = sizes[sizes.length - 1];
  const small = sizes[0];
  const r = results[big];
  const commands = [
    ['rad stats history --limit 10', (x) => x.history],
    ['rad stats model (store current)', (x) => x.model],
    ['rad stats engine (store current)', (x) => x.engine],
    ['rad stats model, filtered (a quarter in Europe/Paris, one agent)', (x) => x.filtered],
    ['rad stats daily --since (30 days in Europe/Paris)', (x) => x.daily],
    ['rad stats model (store deleted)', (x) => x.modelNoIndex],
    ['rad stats session (latest)', (x) => x.session],
    ["rad statusline (Claude Code's JSON on stdin)", (x) => x.statusline],
    ['floor: read + parse every report', (x) => x.floor],
    ['bound: a one-thread rebuild with no checks', (x) => x.bound],
  ].map(([label, pick]) => [label, ...sizes.map((s) => ms(pick(results[s]).ms)), mb(pick(r).rssMb)]);
  commands.push(['rad --version', ...sizes.map(() => ms(version.ms)), mb(version.rssMb)]);
  commands.push(['first rad stats history, journals only', ...sizes.map((s) => (s === big ? ms(firstHistory.ms) : '')), mb(firstHistory.rssMb)]);
  const worstOther = Math.max(...[r.history, r.model, r.engine, r.filtered, r.daily, r.modelNoIndex, r.session, r.statusline, version].map((x) => x.rssMb));
  const tables = [
    [['command (median wall time)', ...sizes.map((s) => `${int(s)} sessions`), `peak RSS @ ${int(big)}`], commands, []],
    [
      ['ratio', 'measured', ''],
      [
        [`history --limit 10: ${int(big)} vs ${int(small)} sessions`, ratio(r.history.ms / results[small].history.ms), 'target <= 1.2'],
        [`model: ${int(big)} vs ${int(small)} sessions`, ratio(r.model.ms / results[small].model.ms), 'target <= 1.5'],
        [`engine: ${int(big)} vs ${int(small)} sessions`, ratio(r.engine.ms / results[small].engine.ms), 'target <= 1.5'],
        [`filtered model: ${int(big)} vs ${int(small)} sessions`, ratio(r.filtered.ms / results[small].filtered.ms), 'target <= 1.5'],
        [`daily --since (30 days): ${int(big)} vs ${int(small)} sessions`, ratio(r.daily.ms / results[small].daily.ms), 'target <= 1.5'],
        [`model at ${int(big)}: with no store (rebuild) / floor`, ratio(r.modelNoIndex.ms / r.floor.ms), 'target <= 1.5'],
        [`the bound at ${int(big)}: a one-thread rebuild with no checks / floor`, ratio(r.bound.ms / r.floor.ms), 'no target: what any one-thread rebuild pays'],
        [`rad stats session / rad --version, at ${int(big)}`, ratio(r.session.ms / version.ms), 'target <= 1.5'],
        [`rad statusline / rad --version, at ${int(big)}`, ratio(r.statusline.ms / version.ms), 'target <= 1.3'],
        [`first history over ${int(big)} journals: peak RSS`, mb(firstHistory.rssMb), 'target < 300 MB'],
        [`largest peak RSS of any other command at ${int(big)}`, mb(worstOther), 'target < 150 MB'],
        [
          `model with auto-import on, nothing new / off (${int(settings.claudeSessions)} Claude Code sessions; ${ms(autoImport.on.ms)} / ${ms(autoImport.off.ms)}; first view after the import ${ms(autoImport.afterImport.ms)})`,
          ratio(autoImport.on.ms / autoImport.off.ms),
          'target <= 1.1',
        ],
        bigImportRow(bigImport),
        team.ratio,
      ],
      [2],
    ],
    [
      ['throughput', 'rate', ''],
      [
        ['library API (SessionRecorder.record)', `${int(recording.libraryPerSecond)} events/s`, `${int(settings.libraryEvents)} events`],
        ['rad session record (JSON lines on stdin)', `${int(recording.cliPerSecond)} events/s`, `${int(settings.cliEvents)} events in one call, start-up included`],
        team.push,
      ],
      [2],
    ],
    [
      [`importing ${int(settings.claudeSessions)} Claude Code sessions`, 'first run', 'repeat run', 'peak RSS'],
      [
        [`${CCUSAGE} session --json --offline`, importing.ccusage],
        ['rad stats import claude-code --all-projects', importing.rad],
      ].map(([label, x]) => (x.skipped ? [label, 'skipped', x.skipped.slice(0, 160), ''] : [label, ms(x.first.ms), ms(x.repeat.ms), mb(Math.max(x.first.rssMb, x.repeat.rssMb))])),
      [],
    ],
  ];
  const footer = `Whole bench: ${ms(seconds * 1000)}.`;
  const text = [`rad stats benchmark: ${machine}`, ...tables.flatMap(([h, rows, left]) => ['', textTable(h, rows, left)]), '', footer].join('\n');
  const markdown = [`Measured on ${machine}.`, ...tables.flatMap(([h, rows, left]) => ['', markdownTable(h, rows, left)]), '', footer].join('\n');
  return { text, markdown };
}
