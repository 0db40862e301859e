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

/** What a transcript's own records (those after the lines copied from its parent) showed before the session is named. */
interface OwnHead {
  firstTs?: string;
  lastTs?: string;
  cwd?: string;
  meta?: Json;
}

/**
 * True for a record a resumed transcript copied from its parent session: it carries the parent's
 * `sessionId`, or a response or tool call another session already holds.
 */
function copiedFromParent(raw: Json, ownId: string, held: (key: string) => boolean): boolean {
  const sessionId = str(raw.sessionId);
  if (sessionId !== undefined && sessionId !== ownId) return true;
  const message = raw.message;
  if (!isObject(message)) return false;
  if (raw.type === 'assistant') {
    const messageId = str(message.id);
    const requestId = str(raw.requestId);
    if (messageId && requestId && held(`${messageId}:${requestId}`)) return true;
  }
  if (!Array.isArray(message.content)) return false;
  for (const block of message.content) {
    if (!isObject(block)) continue;
    const id = block.type === 'tool_use' ? str(block.id) : block.type === 'tool_result' ? str(block.tool_use_id) : undefined;
    if (id && held(`tool:${id}`)) return true;
  }
  return false;
}

/** True for a response of the model (not Claude Code's own `<synthetic>` notice): such a record is the session's own unless it was copied. */
function isResponse(raw: Json): boolean {
  return raw.type === 'assistant' && isObject(raw.message) && str(raw.message.model) !== undefined && raw.message.model !== '<synthetic>';
}

/**
 * Turns Claude Code transcript lines into events. Each API response is counted once: its lines
 * (one per content block, repeating `message.id` and `requestId`) are held for a few lines and the
 * most complete usage wins; a response another session already holds (a resumed session's copy)
 * is not counted again. Tool calls pair `tool_use` with `tool_result` by id.
 *
 * A resumed session (`--resume`, `--continue`) starts its transcript with copies of its parent's
 * records, with the parent's times. Until the transcript's first own response those copies are
 * told apart and ignored, so the session starts at its first own record, not at its parent's start.
 */
export function parseClaude({ file, state, sink }: ParseStart<ClaudeFileState>): RecordParser<ClaudeFileState> {
  let named = state?.named ?? false;
  let head: OwnHead = {};
  const pending = new Map(Object.entries(state?.pending ?? {}));
  const previous = new Map(state?.recent ?? []);
  const counted = new Map<string, number>();
  const open = new Map<string, OpenResponse>();
  const fileAgent = file.part > 0 ? agentFromPath(file.path) ?? 'subagent' : undefined;
  let line = 0;

  /** Names the session; false when the host will not read it (out of scope, or a duplicate). */
  const name = (): boolean => {
    if (sink.session({ originalId: file.group, workspace: head.cwd!, ts: head.firstTs!, ...(head.meta && Object.keys(head.meta).length > 0 ? { meta: head.meta } : {}) }) !== 'ok') return false;
    named = true;
    if (head.lastTs) sink.touch(head.lastTs);
    return true;
  };

  /** Notes a record before the session is named; true once the session's own part has begun with a response. */
  const ownStart = (raw: Json, ts: string | undefined): boolean => {
    if (copiedFromParent(raw, file.group, (key) => sink.held(key))) {
      // What looked like the session's own start was still the parent's: its own part begins later.
      head = {};
      return false;
    }
    if (ts) {
      head.firstTs ??= ts;
      if (!head.lastTs || ts > head.lastTs) head.lastTs = ts;
    }
    const cwd = str(raw.cwd);
    if (cwd && !head.cwd) {
      head.cwd = cwd;
      head.meta = {};
      if (str(raw.version)) head.meta.version = raw.version;
      if (str(raw.gitBranch)) head.meta.gitBranch = raw.gitBranch;
    }
    // A prompt or note may still be a copy (resumed transcripts repeat the parent's prompts with the session's own id); a response settles it.
    return isResponse(raw) && head.cwd !== undefined && head.firstTs !== undefined;
  };

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
    if (before !== undefined && score > before) return sink.restart(`response ${key} has a fuller usage than when it was imported`);
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
      if (!named) {
        if (!ownStart(raw, ts) || !name()) return;
      }
      if (ts) sink.touch(ts);
      if (raw.type === 'assistant' && ts) assistant(raw, ts);
      else if (raw.type === 'user') user(raw, ts);
      for (const held of open.values()) {
        if (held.lastLine > line - RESPONSE_WINDOW) break;
        flush(held);
      }
    },
    end() {
      // A transcript with no response of its own so far (a prompt not yet answered) starts at its first own record.
      if (!named && head.cwd && head.firstTs) name();
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

