import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Fixture builders for Claude Code transcripts, written the way Claude Code writes them. */

export const SONNET = 'claude-sonnet-4-5-20250929';
export const OPUS = 'claude-opus-4-1-20250805';

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface Base {
  sessionId: string;
  cwd: string;
  timestamp: string;
  isSidechain?: boolean;
  agentId?: string;
}

const at = (base: Base) => ({
  parentUuid: null,
  isSidechain: base.isSidechain ?? false,
  userType: 'external',
  cwd: base.cwd,
  sessionId: base.sessionId,
  version: '2.0.25',
  gitBranch: 'main',
  ...(base.agentId ? { agentId: base.agentId } : {}),
  timestamp: base.timestamp,
});

export function userPrompt(base: Base, text: string): string {
  return JSON.stringify({ ...at(base), type: 'user', uuid: `u-${base.timestamp}`, message: { role: 'user', content: text } });
}

export function assistant(base: Base, o: { id: string; requestId: string; model: string; usage: Usage; block: Record<string, unknown> }): string {
  return JSON.stringify({
    ...at(base),
    type: 'assistant',
    uuid: `a-${base.timestamp}-${String(o.block.id ?? o.block.type)}`,
    requestId: o.requestId,
    message: { id: o.id, type: 'message', role: 'assistant', model: o.model, content: [o.block], stop_reason: null, usage: o.usage },
  });
}

export const text = (t: string) => ({ type: 'text', text: t });
export const toolUse = (id: string, name: string, input: Record<string, unknown> = {}) => ({ type: 'tool_use', id, name, input });

export function toolResult(base: Base, o: { id: string; isError?: boolean; content?: string; result?: Record<string, unknown> }): string {
  return JSON.stringify({
    ...at(base),
    type: 'user',
    uuid: `r-${o.id}`,
    message: { role: 'user', content: [{ tool_use_id: o.id, type: 'tool_result', content: o.content ?? 'ok', is_error: o.isError ?? false }] },
    ...(o.result ? { toolUseResult: o.result } : {}),
  });
}

export function snapshot(bytes: number): string {
  return JSON.stringify({ type: 'file-history-snapshot', messageId: 'm', snapshot: { blob: 'x'.repeat(bytes), timestamp: '2025-10-20T10:00:00.000Z' }, isSnapshotUpdate: false });
}

export function systemLine(base: Base): string {
  return JSON.stringify({ ...at(base), type: 'system', subtype: 'info', content: 'compacted' });
}

/** Writes lines (each followed by a newline) to a transcript under `<root>/projects/<encoded cwd>/`. */
export function writeTranscript(root: string, cwd: string, relative: string, lines: string[], options: { tornTail?: string } = {}): string {
  const file = path.join(root, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'), relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.map((l) => `${l}\n`).join('') + (options.tornTail ?? ''));
  return file;
}

/** Appends lines to a transcript. */
export function appendTranscript(file: string, lines: string[]): void {
  appendFileSync(file, lines.map((l) => `${l}\n`).join(''));
}

/** Time `seconds` after 2025-10-20T10:00:00Z. */
export const t = (seconds: number): string => new Date(Date.parse('2025-10-20T10:00:00.000Z') + seconds * 1000).toISOString();
