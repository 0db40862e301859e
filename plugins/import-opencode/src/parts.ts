import { elapsedMs, toIsoTime, type ImportSink } from '@radium-stats/core';
import type { MessageInfo } from './pass.js';
import { openCodeTokens } from './tokens.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ms = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
const lines = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

/** Times a part records: `time.start`/`end` of text and reasoning, `state.time.start`/`end` of a tool, `time.created` of a retry. */
function partTimes(part: Json): number[] {
  const out: number[] = [];
  for (const time of [part.time, isObject(part.state) ? part.state.time : undefined]) {
    if (!isObject(time)) continue;
    for (const key of ['start', 'end', 'created']) {
      const t = ms(time[key]);
      if (t !== undefined) out.push(t);
    }
  }
  return out;
}

/** A finished tool call (`completed` or `error`; `pending` and `running` are not finished) and the lines its edit changed. */
function toolEvents(part: Json, message: MessageInfo, sink: ImportSink): void {
  const state = isObject(part.state) ? part.state : {};
  if (state.status !== 'completed' && state.status !== 'error') return;
  const time = isObject(state.time) ? state.time : {};
  const start = toIsoTime(ms(time.start));
  const end = toIsoTime(ms(time.end));
  const ts = end ?? start ?? toIsoTime(message.lastMs ?? message.created);
  if (!ts) return;
  const durationMs = elapsedMs(start, end);
  const success = state.status === 'completed';
  const error = success ? undefined : (str(state.error)?.split('\n', 1)[0]?.trim() ?? 'error');
  sink.emit({ type: 'tool.call', ts, name: str(part.tool) ?? 'unknown', success, ...(durationMs === undefined ? {} : { durationMs }), ...(error ? { error } : {}) });
  const diff = success && isObject(state.metadata) && isObject(state.metadata.filediff) ? state.metadata.filediff : undefined;
  const added = lines(diff?.additions);
  const removed = lines(diff?.deletions);
  if (diff && str(diff.file) && added !== undefined && removed !== undefined) sink.emit({ type: 'file.edit', ts, path: diff.file as string, added, removed });
}

/**
 * Events of one part of a message: a `step-finish` is one API response (its own tokens; OpenCode
 * sets the message's `tokens` to the last step's only), a finished `tool` part a tool call. Every
 * timed part moves the message's clock, which dates the next finished step (steps carry no time).
 */
export function partEvents(part: Json, partId: string, message: MessageInfo, sink: ImportSink): void {
  const times = partTimes(part);
  if (times.length > 0) {
    const latest = Math.max(...times);
    message.lastMs = Math.max(latest, message.lastMs ?? latest);
    sink.touch(toIsoTime(latest)!);
  }
  if (part.type === 'tool') return toolEvents(part, message, sink);
  if (part.type !== 'step-finish') return;
  const ts = toIsoTime(message.lastMs ?? message.created);
  if (!ts || !sink.claim(str(part.id) ?? partId)) return;
  sink.emit({
    type: 'api.response',
    ts,
    model: message.model,
    engine: message.provider,
    tokens: openCodeTokens(part.tokens, message.provider),
    ...(message.agentId ? { agentId: message.agentId } : {}),
  });
}
