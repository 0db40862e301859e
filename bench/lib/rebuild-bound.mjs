// What any one-thread rebuild of the store pays: what the floor reads, and the store's own rows and
// rollups written into a fresh database, with none of the checks a real rebuild makes (no schema,
// no fact checks, no stamps, no start-up of the CLI). The schema (tables, indexes, fact table
// declarations) is copied from the workspace's current store, so the bound moves with it.
// Usage: node rebuild-bound.mjs <workspace>; prints the phases in seconds as JSON.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../packages/core/package.json'));
const Database = require('better-sqlite3');

const workspace = process.argv[2];
const internals = path.join(workspace, '.radium', '_internals');
const DAY_MS = 86_400_000;
/** Fact rows a statement inserts, as the store's rebuild does. */
const MANY_ROWS = 32;
const quote = (name) => `"${name.replace(/"/g, '""')}"`;

const current = new Database(path.join(internals, 'stats.db'), { readonly: true });
const schema = current.prepare("SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'import_%' AND name NOT LIKE 'warehouse_%'").all();
const tables = current.prepare('SELECT name, declaration FROM fact_tables').all().map(({ name, declaration }) => {
  const [, plugin, table] = name.slice(1, -1).split(':');
  return { plugin, table, decl: JSON.parse(declaration).table };
});
current.close();

const scratch = mkdtempSync(path.join(tmpdir(), 'rad-bound-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const db = new Database(path.join(scratch, 'stats.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = OFF');
db.pragma('cache_size = -8192');
for (const { type, sql } of schema) if (type === 'table') db.exec(sql);

const writers = tables.map((t) => {
  const columns = ['bucket', ...t.decl.dimensions.map((d) => d.name), ...t.decl.measures.map((m) => m.name)];
  const row = `(${['?', ...columns.map(() => '?')].join(', ')})`;
  const into = `INSERT INTO ${quote(`facts:${t.plugin}:${t.table}`)} (id, ${columns.map(quote).join(', ')}) VALUES`;
  return { ...t, columns, many: db.prepare(`${into} ${new Array(MANY_ROWS).fill(row).join(', ')}`), one: db.prepare(`${into} ${row}`), waiting: [] };
});
const insertSession = db.prepare('INSERT INTO sessions (id, source, agent, project, start_ms, end_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?)');

const started = performance.now();
const sessionsDir = path.join(internals, 'sessions');
let sessions = 0;
db.exec('BEGIN');
for (const name of readdirSync(sessionsDir)) {
  if (!name.endsWith('.json') || name.startsWith('.')) continue;
  const text = readFileSync(path.join(sessionsDir, name), 'utf8');
  // The sections are cut out before parsing, as the store does: the facts are what it stores.
  const from = text.indexOf('\n  "sections": {\n');
  const to = text.indexOf('\n  },\n', from);
  const report = JSON.parse(from < 0 || to < 0 ? text : `${text.slice(0, from)}\n  "sections": {}${text.slice(to + 4)}`);
  const end = report.endTime ? Date.parse(report.endTime) : null;
  const key = Number(insertSession.run(report.sessionId, report.source, report.agent ?? null, report.workspace ?? null, Date.parse(report.startTime), end, report.status).lastInsertRowid);
  for (const w of writers) {
    const rows = report.facts?.[w.plugin]?.[w.table] ?? [];
    for (let i = 0; i < rows.length; i++) {
      w.waiting.push(key * 2 ** 24 + i);
      for (const c of w.columns) w.waiting.push(rows[i][c] ?? null);
      if (w.waiting.length === MANY_ROWS * (w.columns.length + 1)) (w.many.run(w.waiting), (w.waiting = []));
    }
  }
  if (++sessions % 2000 === 0) db.exec('COMMIT; BEGIN');
}
for (const w of writers) for (let at = 0; at < w.waiting.length; at += w.columns.length + 1) w.one.run(w.waiting.slice(at, at + w.columns.length + 1));
db.exec('COMMIT');
const read = performance.now();

// The rollups as the store makes them after a rebuild: one GROUP BY per table.
db.exec('BEGIN');
for (const { plugin, table, decl } of writers) {
  const day = `(f.bucket - ((f.bucket % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})`;
  const groups = [day, 's.agent', 's.source', 's.project', ...decl.dimensions.map((d) => `f.${quote(d.name)}`)];
  const integers = decl.measures.filter((m) => m.type === 'integer').map((m) => m.name);
  const reals = decl.measures.filter((m) => m.type !== 'integer').map((m) => m.name);
  const target = ['day', ...['agent', 'source', 'project'].map((c) => quote(`session:${c}`)), ...decl.dimensions.map((d) => quote(d.name))];
  const sums = [...integers.flatMap((m) => [`SUM(f.${quote(m)} >> 32)`, `SUM(f.${quote(m)} & 4294967295)`]), ...reals.map((m) => `SUM(f.${quote(m)})`)];
  const sumColumns = [...integers.flatMap((m) => [quote(`${m}:high`), quote(`${m}:low`)]), ...reals.map(quote)];
  db.exec(`INSERT INTO ${quote(`rollup:${plugin}:${table}`)} (":key", ${[...target, ...sumColumns].join(', ')}, ":rows")
    SELECT json_array(${groups.join(', ')}), ${[...groups, ...sums].join(', ')}, count(*)
    FROM ${quote(`facts:${plugin}:${table}`)} f JOIN sessions s ON s.key = (f.id >> 24) GROUP BY ${groups.join(', ')}`);
}
const rolled = performance.now();
for (const { type, sql } of schema) if (type === 'index') db.exec(sql);
db.exec('COMMIT');
const done = performance.now();
const s = (ms) => Number((ms / 1000).toFixed(2));
process.stdout.write(`${JSON.stringify({ sessions, readAndInsert: s(read - started), rollups: s(rolled - read), indexes: s(done - rolled) })}\n`);
