// Claude Code transcripts in the format Claude Code writes (see the agent log formats reference):
// one JSONL file a session under <root>/projects/<encoded cwd>/, an API response written as one
// line per content block repeating its message id, request id and usage.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sessionIdFor, startMsFor } from './ids.mjs';
import { int, pick, seeded } from './random.mjs';

const MODELS = ['claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001', 'claude-opus-4-1-20250805'];
const TOOLS = ['Read', 'Edit', 'Bash', 'Grep', 'Write'];

function sessionLines(index, total, cwd) {
  const rand = seeded(index * 40503 + 17);
  const sessionId = sessionIdFor(index + 1_000_000);
  let t = startMsFor(index, total);
  const ts = () => new Date(t).toISOString();
  const base = { isSidechain: false, userType: 'external', cwd, sessionId, version: '2.0.25', gitBranch: 'main' };
  const lines = [];
  let parent = null;
  let n = 0;
  const uuid = () => `${sessionId.slice(0, 8)}-${String(n++).padStart(4, '0')}-4000-8000-${sessionId.slice(-12)}`;
  const push = (line) => {
    lines.push(JSON.stringify({ parentUuid: parent, ...base, ...line }));
    parent = line.uuid;
  };
  push({ type: 'user', uuid: uuid(), timestamp: ts(), message: { role: 'user', content: 'Fix the failing test in src/parser.ts' } });
  const model = pick(rand, MODELS);
  const turns = int(rand, 4, 14);
  for (let turn = 0; turn < turns; turn++) {
    t += int(rand, 800, 9000);
    const messageId = `msg_${sessionId.slice(0, 8)}${String(turn).padStart(3, '0')}`;
    const requestId = `req_${sessionId.slice(9, 13)}${String(turn).padStart(3, '0')}`;
    const write1h = rand() < 0.5 ? int(rand, 0, 4000) : 0;
    const usage = {
      input_tokens: int(rand, 3, 400),
      cache_creation_input_tokens: write1h + int(rand, 0, 2000),
      cache_read_input_tokens: int(rand, 2000, 80000),
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: write1h },
      output_tokens: int(rand, 20, 1200),
      service_tier: 'standard',
    };
    usage.cache_creation.ephemeral_5m_input_tokens = usage.cache_creation_input_tokens - write1h;
    // The first block is written with a partial usage (output not known yet), as Claude Code does.
    push({ type: 'assistant', uuid: uuid(), timestamp: ts(), requestId, message: { id: messageId, type: 'message', role: 'assistant', model, content: [{ type: 'text', text: 'Let me look at that.' }], stop_reason: null, usage: { ...usage, output_tokens: 1 } } });
    const tool = pick(rand, TOOLS);
    const toolId = `toolu_${sessionId.slice(0, 6)}${String(turn).padStart(3, '0')}`;
    push({ type: 'assistant', uuid: uuid(), timestamp: ts(), requestId, message: { id: messageId, type: 'message', role: 'assistant', model, content: [{ type: 'tool_use', id: toolId, name: tool, input: { file_path: `${cwd}/src/parser.ts` } }], stop_reason: 'tool_use', usage } });
    t += int(rand, 20, 15000);
    const failed = rand() < 0.08;
    const result = tool === 'Edit' && !failed ? { toolUseResult: { filePath: `${cwd}/src/parser.ts`, structuredPatch: [{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 3, lines: ['-a', '+b', '+c', ' d'] }] } } : {};
    push({ type: 'user', uuid: uuid(), timestamp: ts(), message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolId, content: failed ? 'Error: exit 1' : 'ok', is_error: failed }] }, ...result });
  }
  return { sessionId, text: `${lines.join('\n')}\n` };
}

/** Writes `total` sessions for 20 projects under `<root>/projects`; returns the number of lines. */
export function writeClaudeLogs(root, total) {
  let lines = 0;
  for (let i = 0; i < total; i++) {
    const cwd = `/home/dev/project-${i % 20}`;
    const dir = path.join(root, 'projects', cwd.replace(/[^A-Za-z0-9]/g, '-'));
    mkdirSync(dir, { recursive: true });
    const { sessionId, text } = sessionLines(i, total, cwd);
    writeFileSync(path.join(dir, `${sessionId}.jsonl`), text);
    lines += text.split('\n').length - 1;
  }
  return lines;
}
