import { elapsedMs, toIsoTime, type ParseStart, type RecordParser } from '@radium-stats/core';
import { patchLines } from './patch.js';
import { MAX_PENDING_TOOLS, RECENT_RESPONSES, type ClaudeFileState } from './state.js';
import { claudeTokens, completeness, type ClaudeUsage } from './usage.js';

/** Engine of every Claude Code model. */
export const CLAUDE_ENGINE = 'claude';

/** Lines after a response's last line before it is counted: the lines of one response are written together. */
const RESPONSE_WINDOW = 100;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

interface OpenResponse {
  key: string;
  ts: string;
  model: string;
  usage: ClaudeUsage;
  score: number;
  requestId: string;
  agentId: string | undefined;
  lastLine: number;
}

function errorText(content: unknown): string | undefined {
  const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((c) => (isObject(c) ? str(c.text) ?? '' : '')).join(' ') : '';
  const first = text.trim().split('\n')[0]?.trim();
  return first ? first.slice(0, 200) : undefined;
}

/** Subagent id from a subagent transcript's file name (`agent-<id>.jsonl`). */
function agentFromPath(file: string): string | undefined {
  return /agent-([^/\\]+)\.jsonl$/.exec(file)?.[1];
}

/**
 * Turns Claude Code transcript lines into events. Each API response is counted once: its lines
 * (one per content block, repeating `message.id` and `requestId`) are held for a few lines and the
 * most complete usage wins; a response another session already holds (a resumed session's copy)
 * is not counted again. Tool calls pair `tool_use` with `tool_result` by id.
 */
export function parseClaude({ file, state, sink }: ParseStart<ClaudeFileState>): RecordParser<ClaudeFileState> {
  let named = state?.named ?? false;
  const pending = new Map(Object.entries(state?.pending ?? {}));
  const previous = new Map(state?.recent ?? []);
  const counted = new Map<string, number>();
  const open = new Map<string, OpenResponse>();
  const fileAgent = file.part > 0 ? agentFromPath(file.path) ?? 'subagent' : undefined;
  let line = 0;
  let firstTs: string | undefined;

  const flush = (response: OpenResponse): void => {
    open.delete(response.key);
    counted.set(response.key, response.score);
    // Only the last few are kept for the next run; repeats within this pass are refused by claim().
    if (counted.size > RECENT_RESPONSES) counted.delete(counted.keys().next().value!);
    sink.emit({
      type: 'api.response',
      ts: response.ts,
      model: response.model,
      engine: CLAUDE_ENGINE,
      tokens: claudeTokens(response.usage),
      requestId: response.requestId,
      ...(response.agentId ? { agentId: response.agentId } : {}),
    });
  };

  const agentOf = (raw: Json): string | undefined => fileAgent ?? (raw.isSidechain === true ? str(raw.agentId) ?? 'sidechain' : undefined);

  const response = (raw: Json, message: Json, ts: string): void => {
    const model = str(message.model);
    const usage = message.usage;
    if (!model || model === '<synthetic>' || !isObject(usage)) return;
    const messageId = str(message.id);
    const requestId = str(raw.requestId);
    const score = completeness(usage);
    if (!messageId || !requestId) {
      // Old transcripts without ids cannot be de-duplicated; every line counts, as the agent logged it.
      sink.emit({ type: 'api.response', ts, model, engine: CLAUDE_ENGINE, tokens: claudeTokens(usage), ...(agentOf(raw) ? { agentId: agentOf(raw) } : {}) });
      return;
    }
    const key = `${messageId}:${requestId}`;
    const held = open.get(key);
    if (held) {
      if (score > held.score) Object.assign(held, { usage, score, model });
      open.delete(key);
      open.set(key, { ...held, lastLine: line });
      return;
    }
    const before = previous.get(key);
    if (before !== undefined && score > before) sink.restart(`response ${key} has a fuller usage than when it was imported`);
    if (before !== undefined || !sink.claim(key)) return;
    open.set(key, { key, ts, model, usage, score, requestId, agentId: agentOf(raw), lastLine: line });
  };

  const assistant = (raw: Json, ts: string): void => {
    const message = raw.message;
    if (!isObject(message)) return;
    response(raw, message, ts);
    if (!Array.isArray(message.content)) return;
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_use') continue;
      const id = str(block.id);
      if (!id || pending.has(id) || !sink.claim(`tool:${id}`)) continue;
      pending.set(id, { name: str(block.name) ?? 'unknown', ts });
      if (pending.size > MAX_PENDING_TOOLS) pending.delete(pending.keys().next().value!);
    }
  };

  const user = (raw: Json, ts: string | undefined): void => {
    const message = raw.message;
    if (!isObject(message) || !Array.isArray(message.content)) return;
    let resultUsed = false;
    for (const block of message.content) {
      if (!isObject(block) || block.type !== 'tool_result') continue;
      const id = str(block.tool_use_id);
      const call = id ? pending.get(id) : undefined;
      if (!id || !call) continue;
      pending.delete(id);
      const success = block.is_error !== true;
      const durationMs = elapsedMs(call.ts, ts);
      const error = success ? undefined : errorText(block.content);
      sink.emit({
        type: 'tool.call',
        ts: ts ?? call.ts,
        name: call.name,
        success,
        ...(durationMs === undefined ? {} : { durationMs }),
        ...(error ? { error } : {}),
      });
      const result = raw.toolUseResult;
      if (!success || resultUsed || !isObject(result)) continue;
      resultUsed = true;
      const filePath = str(result.filePath);
      const lines = patchLines(result);
      if (filePath && lines.added + lines.removed > 0) sink.emit({ type: 'file.edit', ts: ts ?? call.ts, path: filePath, ...lines });
    }
  };

  return {
    record(raw) {
      if (!isObject(raw)) return;
      line += 1;
      const ts = toIsoTime(raw.timestamp);
      if (ts) firstTs ??= ts;
      const cwd = str(raw.cwd);
      if (!named && cwd && ts) {
        const meta: Json = {};
        if (str(raw.version)) meta.version = raw.version;
        if (str(raw.gitBranch)) meta.gitBranch = raw.gitBranch;
        sink.session({ originalId: file.group, workspace: cwd, ts: firstTs ?? ts, ...(Object.keys(meta).length > 0 ? { meta } : {}) });
        named = true;
      }
      if (!named) return;
      if (ts) sink.touch(ts);
      if (raw.type === 'assistant' && ts) assistant(raw, ts);
      else if (raw.type === 'user') user(raw, ts);
      for (const held of open.values()) {
        if (held.lastLine > line - RESPONSE_WINDOW) break;
        flush(held);
      }
    },
    end() {
      for (const held of [...open.values()]) flush(held);
      const recent = [...previous, ...counted].slice(-RECENT_RESPONSES);
      return { named, pending: Object.fromEntries(pending), recent };
    },
  };
}

/** Skips Claude Code's file-history snapshots (the huge lines) without decoding them. */
export function wantsClaudeLine(head: string): boolean {
  return !head.startsWith('{"type":"file-history-snapshot"');
}

/** Time of a transcript line. */
export function claudeRecordTime(raw: unknown): string | undefined {
  return isObject(raw) ? str(raw.timestamp) : undefined;
}

