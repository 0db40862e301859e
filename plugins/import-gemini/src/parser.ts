import { toIsoTime, type ParseStart, type RecordParser } from '@radium-stats/core';
import { messageEvents, summarize, type MessageSummary } from './messages.js';
import type { GeminiFileState } from './state.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Turns Gemini CLI chat records into events. A chat is a history that later records edit: a
 * message record with a known id replaces it, `{"$rewindTo": id}` cuts that message and all after
 * it, `{"$set": {"messages": [...]}}` replaces the history. So a pass keeps the history (as small
 * summaries) and emits it at the end; a record that edits history imported by an earlier pass
 * makes the host import the chat again from the start.
 */
export function parseGemini({ file, state, sink }: ParseStart<GeminiFileState>): RecordParser<GeminiFileState> {
  let named = state?.named ?? false;
  const emitted = new Set(state?.emitted ?? []);
  const history = new Map<string, MessageSummary>();
  let agentId: string | undefined;

  const workspace = (projectHash: string | undefined): string =>
    file.hints?.projectRoot ?? `gemini-project:${projectHash ?? file.hints?.projectId ?? 'unknown'}`;

  /** Names the session once its metadata is known; false when the host will not read it (out of scope, or a duplicate). */
  const name = (meta: Json): boolean => {
    if (file.part > 0) agentId ??= str(meta.sessionId) ?? 'subagent';
    if (named) return true;
    const ts = toIsoTime(meta.startTime) ?? toIsoTime(meta.lastUpdated);
    const id = file.part > 0 ? file.group : str(meta.sessionId);
    if (!ts || !id) return true;
    const extra: Json = {};
    if (str(meta.projectHash)) extra.projectHash = meta.projectHash;
    if (str(meta.kind)) extra.kind = meta.kind;
    if (sink.session({ originalId: id, workspace: workspace(str(meta.projectHash)), ts, ...(Object.keys(extra).length ? { meta: extra } : {}) }) !== 'ok') return false;
    named = true;
    return true;
  };

  const replaceHistory = (messages: unknown[]): void => {
    if (emitted.size > 0) return sink.restart('the chat history was replaced');
    history.clear();
    for (const m of messages) if (isObject(m) && str(m.id)) history.set(m.id as string, summarize(m));
  };

  const rewind = (id: string): void => {
    if (!history.has(id)) {
      if (emitted.size > 0) return sink.restart(`the chat was rewound to ${emitted.has(id) ? 'an imported message' : 'an unknown message'}`);
      history.clear();
      return;
    }
    let cut = false;
    for (const key of [...history.keys()]) {
      if (key === id) cut = true;
      if (cut) history.delete(key);
    }
  };

  const record = (raw: unknown): void => {
    if (!isObject(raw)) return;
    if (typeof raw.$rewindTo === 'string') return rewind(raw.$rewindTo);
    if (isObject(raw.$set)) {
      if (Array.isArray(raw.$set.messages) && raw.$set.messages.length > 0) replaceHistory(raw.$set.messages);
      return;
    }
    if (str(raw.id)) {
      if (!named) return;
      if (emitted.has(raw.id as string)) return sink.restart(`message ${String(raw.id)} changed after it was imported`);
      const message = summarize(raw);
      if (message.ts) sink.touch(message.ts);
      history.set(raw.id as string, message);
      return;
    }
    if (str(raw.sessionId)) {
      if (!name(raw)) return;
      if (Array.isArray(raw.messages)) for (const m of raw.messages) record(m);
    }
  };

  return {
    record,
    end() {
      for (const [id, message] of history) {
        for (const event of messageEvents(message, agentId)) sink.emit(event);
        emitted.add(id);
      }
      return { named, emitted: [...emitted] };
    },
  };
}
