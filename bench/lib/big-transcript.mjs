// One very long Claude Code session in one transcript (a day-long agent run that read a lot of
// files): every turn is an assistant line calling a tool and a user line carrying the tool's
// result, 20 KB of numbered file text as Claude Code's Read tool returns it. Deterministic (a fixed
// seed), written to a `.partial` folder renamed into place at the end, so an interrupted run is
// never taken for a finished transcript.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { int, pick, seeded } from './random.mjs';

/** Bump when the generated transcript changes shape (its folder name carries it). */
export const BIG_TRANSCRIPT_VERSION = 1;

const SESSION_ID = '5e55b16a-7a2c-4f1e-9b3d-1c0ffee00001';
const CWD = '/home/dev/big-repo';
const MODEL = 'claude-sonnet-4-5-20250929';
const TOOLS = ['Read', 'Grep', 'Bash'];
const RESULT_BYTES = 20 * 1024;
const FILE_LINES = [
  "import { readFileSync } from 'node:fs';",
  'export function parse(text: string): Node[] {',
  '  const tokens = tokenize(text);',
  '  for (const token of tokens) {',
  '    if (token.kind === "comment") continue;',
  '    stack.push(build(token, stack.at(-1)));',
  '  }',
  '  return stack.filter((node) => node.parent === undefined);',
  '}',
  '// Keeps the cursor on the last complete token when input ends mid-line.',
];

/** 20 KB of a source file as the Read tool shows it (`     1→…`), different for each seed. */
function fileText(rand) {
  const lines = [];
  let bytes = 0;
  for (let n = 1; bytes < RESULT_BYTES; n++) {
    const line = `${String(n).padStart(6)}→${pick(rand, FILE_LINES)}`;
    lines.push(line);
    bytes += line.length + 1;
  }
  return lines.join('\n').slice(0, RESULT_BYTES);
}

/** The transcript's path under `root` (a Claude Code config folder: `<root>/projects/<encoded cwd>/<session>.jsonl`). */
export function bigTranscriptPath(root) {
  return path.join(root, 'projects', CWD.replace(/[^A-Za-z0-9]/g, '-'), `${SESSION_ID}.jsonl`);
}

/** Writes one session of at least `bytes` bytes under `root` unless it is already there; returns its size. */
export function ensureBigTranscript(root, bytes) {
  const file = bigTranscriptPath(root);
  if (existsSync(file)) return statSync(file).size;
  const partial = `${root}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const target = bigTranscriptPath(partial);
  mkdirSync(path.dirname(target), { recursive: true });
  const rand = seeded(0xb16f11e);
  // A few distinct file bodies, reused: generating 20 KB of text per turn would dominate the run.
  const bodies = Array.from({ length: 16 }, () => fileText(rand));
  const base = { isSidechain: false, userType: 'external', cwd: CWD, sessionId: SESSION_ID, version: '2.0.25', gitBranch: 'main' };
  const fd = openSync(target, 'w');
  let t = Date.UTC(2025, 10, 3, 8, 0, 0);
  let written = 0;
  let batch = [];
  const push = (line) => {
    batch.push(JSON.stringify(line));
    if (batch.length >= 500) flush();
  };
  const flush = () => {
    const text = `${batch.join('\n')}\n`;
    written += writeSync(fd, text);
    batch = [];
  };
  try {
    push({ parentUuid: null, ...base, type: 'user', uuid: 'u-000000', timestamp: new Date(t).toISOString(), message: { role: 'user', content: 'Read every module under src/ and summarise what each exports.' } });
    for (let turn = 1; written < bytes; turn++) {
      t += int(rand, 800, 6000);
      const toolId = `toolu_01big${String(turn).padStart(7, '0')}`;
      const usage = {
        input_tokens: int(rand, 3, 60),
        cache_creation_input_tokens: int(rand, 0, 6000),
        cache_read_input_tokens: int(rand, 20_000, 160_000),
        output_tokens: int(rand, 30, 400),
        service_tier: 'standard',
      };
      push({
        parentUuid: `u-${String(turn - 1).padStart(6, '0')}`,
        ...base,
        type: 'assistant',
        uuid: `a-${String(turn).padStart(6, '0')}`,
        timestamp: new Date(t).toISOString(),
        requestId: `req_011big${String(turn).padStart(7, '0')}`,
        message: { id: `msg_01big${String(turn).padStart(7, '0')}`, type: 'message', role: 'assistant', model: MODEL, content: [{ type: 'tool_use', id: toolId, name: pick(rand, TOOLS), input: { file_path: `${CWD}/src/module-${turn % 400}.ts` } }], stop_reason: 'tool_use', usage },
      });
      t += int(rand, 20, 900);
      push({
        parentUuid: `a-${String(turn).padStart(6, '0')}`,
        ...base,
        type: 'user',
        uuid: `u-${String(turn).padStart(6, '0')}`,
        timestamp: new Date(t).toISOString(),
        message: { role: 'user', content: [{ tool_use_id: toolId, type: 'tool_result', content: pick(rand, bodies) }] },
      });
    }
    if (batch.length > 0) flush();
  } finally {
    closeSync(fd);
  }
  rmSync(root, { recursive: true, force: true });
  renameSync(partial, root);
  return statSync(file).size;
}
