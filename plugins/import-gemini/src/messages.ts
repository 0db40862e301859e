import { toIsoTime, type ImportedEvent, type TokenCounts } from '@radium-stats/core';
import { geminiTokens } from './tokens.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const n = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.round(v) : 0);

/** Model name used for a response whose message names none. */
export const UNKNOWN_MODEL = 'unknown';

/** The parts of a tool call record that become events. */
export interface ToolSummary {
  name: string;
  status: string;
  ts: string | undefined;
  error?: string;
  edit?: { path: string; added: number; removed: number };
}

/** The parts of a chat message that become events (a message can be several KB; this is a few bytes). */
export interface MessageSummary {
  ts: string | undefined;
  type: string;
  model?: string;
  tokens?: TokenCounts;
  tools: ToolSummary[];
}

/** Lines changed by an edit tool: its `diffStat` (model and user lines), else the `+`/`-` lines of its diff. */
function editOf(call: Json): ToolSummary['edit'] {
  const display = call.resultDisplay;
  if (!isObject(display)) return undefined;
  const args = isObject(call.args) ? call.args : {};
  const file = str(display.filePath) ?? str(args.file_path) ?? str(display.fileName);
  if (!file) return undefined;
  let added = 0;
  let removed = 0;
  if (isObject(display.diffStat)) {
    added = n(display.diffStat.model_added_lines) + n(display.diffStat.user_added_lines);
    removed = n(display.diffStat.model_removed_lines) + n(display.diffStat.user_removed_lines);
  } else if (typeof display.fileDiff === 'string') {
    for (const line of display.fileDiff.split('\n')) {
      if (line.startsWith('+++') || line.startsWith('---')) continue;
      if (line.startsWith('+')) added += 1;
      else if (line.startsWith('-')) removed += 1;
    }
  }
  return added + removed > 0 ? { path: file, added, removed } : undefined;
}

function errorOf(call: Json): string | undefined {
  const display = call.resultDisplay;
  const text = typeof display === 'string' ? display : undefined;
  return text?.trim().split('\n')[0]?.slice(0, 200) || undefined;
}

/** Reduces a message record to what becomes events. */
export function summarize(record: Json): MessageSummary {
  const tools: ToolSummary[] = [];
  for (const call of Array.isArray(record.toolCalls) ? record.toolCalls : []) {
    if (!isObject(call)) continue;
    const status = str(call.status) ?? 'unknown';
    const tool: ToolSummary = { name: str(call.name) ?? 'unknown', status, ts: toIsoTime(call.timestamp) };
    if (status === 'error') {
      const error = errorOf(call);
      if (error) tool.error = error;
    }
    if (status === 'success') {
      const edit = editOf(call);
      if (edit) tool.edit = edit;
    }
    tools.push(tool);
  }
  return {
    ts: toIsoTime(record.timestamp),
    type: str(record.type) ?? 'unknown',
    ...(str(record.model) ? { model: record.model as string } : {}),
    ...(isObject(record.tokens) ? { tokens: geminiTokens(record.tokens) } : {}),
    tools,
  };
}

/**
 * Events of one message: a response when it carries token counts (Gemini records latency
 * nowhere in chats, so none is given), and a tool call per finished call (`success`, or `error`
 * and `cancelled` as failures); calls still scheduled or running are not finished and not counted.
 */
export function messageEvents(message: MessageSummary, agentId: string | undefined): ImportedEvent[] {
  const out: ImportedEvent[] = [];
  if (!message.ts) return out;
  if (message.type === 'gemini' && message.tokens) {
    out.push({ type: 'api.response', ts: message.ts, model: message.model ?? UNKNOWN_MODEL, engine: 'gemini', tokens: message.tokens, ...(agentId ? { agentId } : {}) });
  }
  for (const tool of message.tools) {
    if (!['success', 'error', 'cancelled'].includes(tool.status)) continue;
    const ts = tool.ts ?? message.ts;
    const success = tool.status === 'success';
    const error = tool.status === 'cancelled' ? 'cancelled' : tool.error;
    out.push({ type: 'tool.call', ts, name: tool.name, success, ...(!success && error ? { error } : {}) });
    if (tool.edit) out.push({ type: 'file.edit', ts, ...tool.edit });
  }
  return out;
}
