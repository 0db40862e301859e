#!/usr/bin/env node
// Writes the bundled example journals: replays of the spec's example sessions, event by event,
// through the public protocol (one JSON object a line). Deterministic, so the output is committed
// and the golden test of `rad stats session` can compare against the spec's numbers.
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = new URL('../workspace/.radium/_internals/sessions/', import.meta.url);

/** Seeded PRNG (mulberry32) so every run writes the same bytes. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits an integer total into `parts` positive integers that add up exactly. */
function split(total, parts, random) {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((w / sum) * total));
  let rest = total - out.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i] += 1;
  return out;
}

const TOOLS = ['read_file', 'replace', 'run_shell_command', 'search_file_content', 'glob', 'write_file', 'list_directory'];
const FILES = ['src/server.ts', 'src/routes/users.ts', 'src/db/schema.ts', 'src/auth/session.ts', 'test/users.test.ts', 'README.md'];

function session(spec) {
  const random = rng(spec.seed);
  const lines = [];
  const at = (ms) => new Date(spec.start + ms).toISOString();
  lines.push({ type: 'session.start', ts: at(0), sessionId: spec.id, workspace: '/home/dev/webapp', agent: 'radium', meta: { example: true } });

  const apiCalls = [];
  for (const m of spec.models) {
    const input = split(m.input, m.requests, random);
    const output = split(m.output, m.requests, random);
    for (let i = 0; i < m.requests; i++) apiCalls.push({ model: m.model, input: input[i], output: output[i], cacheRead: 0 });
  }
  // Interleave the models' requests the way an agent alternates between them.
  apiCalls.sort(() => random() - 0.5);
  const apiDurations = split(spec.apiMs, apiCalls.length, random);
  const toolDurations = split(spec.toolMs, spec.toolCalls, random);
  const failed = new Set();
  while (failed.size < spec.toolCalls - spec.toolOk) failed.add(Math.floor(random() * spec.toolCalls));
  const added = split(spec.added, spec.edits, random);
  const removed = split(spec.removed + spec.edits, spec.edits, random).map((n) => n - 1);
  const fileEdit = (i, ts) => ({ type: 'file.edit', ts, path: FILES[i % FILES.length], added: added[i], removed: removed[i] });

  // Lay the timed work end to end from the start, spreading the idle time (the user thinking) between steps.
  const steps = apiCalls.length + spec.toolCalls;
  const idle = split(spec.wallMs - spec.apiMs - spec.toolMs, steps + 1, random);
  let clock = idle[0];
  let api = 0;
  let tool = 0;
  let edit = 0;
  for (let step = 0; step < steps; step++) {
    const apiTurn = tool >= spec.toolCalls || (api < apiCalls.length && random() < apiCalls.length / steps);
    if (apiTurn) {
      const call = apiCalls[api];
      clock += apiDurations[api];
      lines.push({ type: 'api.response', ts: at(clock), model: call.model, engine: 'gemini', durationMs: apiDurations[api], tokens: { input: call.input, output: call.output } });
      api += 1;
    } else {
      const name = TOOLS[Math.floor(random() * TOOLS.length)];
      const ok = !failed.has(tool);
      clock += toolDurations[tool];
      const event = { type: 'tool.call', ts: at(clock), name, durationMs: toolDurations[tool], success: ok };
      if (!ok) event.error = name === 'run_shell_command' ? 'exit code 1' : 'file not found';
      lines.push(event);
      if (ok && (name === 'replace' || name === 'write_file') && edit < spec.edits) {
        lines.push(fileEdit(edit, at(clock)));
        edit += 1;
      }
      tool += 1;
    }
    clock += idle[step + 1];
  }
  // Edits the tool loop did not reach land at the end, so the totals are exact.
  for (; edit < spec.edits; edit++) lines.push(fileEdit(edit, at(clock)));
  lines.push({ type: 'session.end', ts: at(spec.wallMs) });
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

const h = 3_600_000;
const m = 60_000;
const s = 1000;
const sessions = [
  // The spec's `rad stats session` example, number for number.
  {
    id: '3c6ddcd3-85b6-48f1-88e1-f428ca458337',
    seed: 1,
    start: Date.parse('2025-12-07T04:00:00.000Z'),
    wallMs: 4 * h + 9 * m + 54 * s,
    apiMs: 1 * h + 9 * m + 42 * s,
    toolMs: 1 * h + 43 * m + 35 * s,
    toolCalls: 231,
    toolOk: 214,
    added: 505,
    removed: 208,
    edits: 24,
    models: [
      { model: 'gemini-2.5-flash-lite', requests: 28, input: 60_389, output: 2_422 },
      { model: 'gemini-3-pro-preview', requests: 168, input: 31_056_954, output: 44_268 },
    ],
  },
  // The spec's session B of `rad stats compare` and `rad stats history`.
  {
    id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
    seed: 2,
    start: Date.parse('2025-12-06T09:00:00.000Z'),
    wallMs: 2 * h + 15 * m + 12 * s,
    apiMs: 41 * m + 5 * s,
    toolMs: 52 * m + 13 * s,
    toolCalls: 145,
    toolOk: 138,
    added: 320,
    removed: 150,
    edits: 15,
    models: [
      { model: 'gemini-2.5-flash-lite', requests: 20, input: 41_200, output: 1_650 },
      { model: 'gemini-2.5-pro', requests: 96, input: 3_958_800, output: 38_150 },
    ],
  },
];

mkdirSync(dir, { recursive: true });
for (const spec of sessions) writeFileSync(new URL(`${spec.id}.events.jsonl`, dir), session(spec));
console.log(`wrote ${sessions.length} example journals to examples/workspace`);
