import type { ImportedEvent, ImportSink, ParseStart, RecordParser } from '@radium-stats/core';
import { threadFolder, threadMeta, threadStart, timeOf } from './thread.js';
import { editLines, runOutcome } from './tools.js';
import { engineOf, isEmpty, ledgerTokens, messageTokens, responseKey } from './usage.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const blocks = (m: Json): Json[] => (Array.isArray(m.content) ? m.content.filter(isObject) : []);

/** Model name used for a response whose usage names none. */
export const UNKNOWN_MODEL = 'unknown';

interface PendingCall {
  name: string;
  input: unknown;
  ts: string;
}

/** Legacy `usageLedger.events` by the assistant message they paid for (`toMessageId`). */
function ledgerByMessage(events: Json[]): Map<unknown, Json> {
  const out = new Map<unknown, Json>();
  for (const e of events) if (e.toMessageId !== undefined && !out.has(e.toMessageId)) out.set(e.toMessageId, e);
  return out;
}

/** A message id as text (Amp numbers its messages), or undefined. */
const messageIdOf = (m: Json): string | undefined => (typeof m.messageId === 'number' || typeof m.messageId === 'string' ? String(m.messageId) : undefined);

/**
 * Events of one thread document, in time order. Each response and tool call claims a key first (the
 * usage's own time, model and counts, or the thread and message id; the tool use id; the ledger
 * event id): a copy of it in another thread (a fork) is counted once, and a pass over a thread the
 * host resumes instead of rebuilding adds only what is new.
 */
function threadEvents(thread: Json, threadId: string, messages: Json[], start: string, sink: ImportSink): ImportedEvent[] {
  const out: ImportedEvent[] = [];
  const ledger = isObject(thread.usageLedger) && Array.isArray(thread.usageLedger.events) ? thread.usageLedger.events.filter(isObject) : [];
  const byMessage = ledgerByMessage(ledger);
  const paid = new Set<Json>();
  const calls = new Map<string, PendingCall>();
  let last = start;

  const response = (ts: string, message: Json, usage: Json, event: Json | undefined): void => {
    const tokens = messageTokens(usage);
    if (isEmpty(tokens)) return;
    if (event) paid.add(event);
    const model = str(usage.model) ?? str(event?.model) ?? UNKNOWN_MODEL;
    const own = timeOf(usage.timestamp);
    const messageId = messageIdOf(message);
    const key = own ? responseKey(own, model, tokens) : messageId !== undefined ? `message:${threadId}:${messageId}` : undefined;
    if (key && !sink.claim(key)) return;
    out.push({ type: 'api.response', ts, model, engine: engineOf(model), tokens });
  };

  const result = (block: Json): void => {
    const id = str(block.toolUseID);
    const call = id ? calls.get(id) : undefined;
    const outcome = call ? runOutcome(block.run) : undefined;
    if (!id || !call || !outcome) return;
    calls.delete(id);
    if (!sink.claim(`tool:${id}`)) return;
    out.push({ type: 'tool.call', ts: call.ts, name: call.name, success: outcome.success, ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.decision ? { decision: outcome.decision } : {}) });
    const edit = outcome.success ? editLines(call.name, call.input) : undefined;
    if (edit) out.push({ type: 'file.edit', ts: call.ts, ...edit });
  };

  for (const m of messages) {
    if (m.role === 'user') {
      const sent = timeOf(isObject(m.meta) ? m.meta.sentAt : undefined);
      if (sent) last = sent;
      for (const block of blocks(m)) if (block.type === 'tool_result') result(block);
      sink.touch(last);
    } else if (m.role === 'assistant') {
      const usage = isObject(m.usage) ? m.usage : undefined;
      const event = byMessage.get(m.messageId);
      last = timeOf(usage?.timestamp) ?? timeOf(event?.timestamp) ?? last;
      if (usage) response(last, m, usage, event);
      for (const block of blocks(m)) {
        const id = str(block.id);
        if (block.type === 'tool_use' && id) calls.set(id, { name: str(block.name) ?? 'unknown', input: block.input, ts: last });
      }
      sink.touch(last);
    }
  }
  // Ledger events no message usage accounts for: threads from before Amp kept usage on messages.
  for (const event of ledger) {
    if (paid.has(event) || !isObject(event.tokens)) continue;
    const ts = timeOf(event.timestamp);
    const tokens = ledgerTokens(event.tokens);
    if (!ts || isEmpty(tokens)) continue;
    if (str(event.id) && !sink.claim(`ledger:${event.id as string}`)) continue;
    const model = str(event.model) ?? UNKNOWN_MODEL;
    out.push({ type: 'api.response', ts, model, engine: engineOf(model), tokens });
  }
  return out.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
}

/**
 * Turns one Amp thread document into events. Amp rewrites the whole file as the thread grows, so
 * every pass reads it whole (a file that is not one whole JSON document is skipped, with a warning,
 * by the host) and a pass leaves nothing for the next. A thread with no messages is not a session yet.
 */
export function parseAmp({ file, sink }: ParseStart<void>): RecordParser<void> {
  return {
    record(raw) {
      if (!isObject(raw)) return;
      const messages = Array.isArray(raw.messages) ? raw.messages.filter(isObject) : [];
      const start = threadStart(raw, messages);
      if (messages.length === 0 || !start) return;
      const meta = threadMeta(raw);
      const id = str(raw.id) ?? file.group;
      if (sink.session({ originalId: id, workspace: threadFolder(raw), ts: start, ...(Object.keys(meta).length ? { meta } : {}) }) !== 'ok') return;
      for (const event of threadEvents(raw, id, messages, start, sink)) sink.emit(event);
    },
    end() {},
  };
}

/** Time of a thread document: its `created`, so older threads are read first and keep the responses a fork copied. */
export function ampRecordTime(raw: unknown): string | undefined {
  return isObject(raw) ? timeOf(raw.created) : undefined;
}
