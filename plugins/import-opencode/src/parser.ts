import path from 'node:path';
import { toIsoTime, type ImportSink, type ParseStart, type RecordParser, type SessionResult } from '@radium-stats/core';
import { SUBAGENT_PARTS } from './layout.js';
import { passOf, type MessageInfo, type Pass } from './pass.js';
import { partEvents } from './parts.js';
import { hasTokens, openCodeTokens } from './tokens.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const ms = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);

/** Model of a response whose message names none. */
export const UNKNOWN_MODEL = 'unknown';

/** Error names of a message the user stopped: not a failed request. */
const NOT_API_ERRORS = new Set(['MessageAbortedError']);

/** Names the session once per pass: from the main session's record, or from discovery's hints when that file could not be read. */
function name(pass: Pass, sink: ImportSink, hints: Record<string, string>, start: string | undefined, meta?: Json): SessionResult {
  if (pass.named || !start || !hints.root || !hints.workspace) return 'ok';
  const result = sink.session({ originalId: hints.root, workspace: hints.workspace, ts: start, ...(meta && Object.keys(meta).length > 0 ? { meta } : {}) });
  if (result === 'ok') pass.named = true;
  return result;
}

/** The main session's start as discovery read it. */
const createdHint = (hints: Record<string, string> | undefined): string | undefined => toIsoTime(ms(Number(hints?.created)));

function touch(sink: ImportSink, value: number | undefined): void {
  const ts = toIsoTime(value);
  if (ts) sink.touch(ts);
}

/** First line of an error, for `api.error`. */
function errorText(error: Json): string {
  const data = isObject(error.data) ? error.data : {};
  const text = str(data.message) ?? str(error.name) ?? 'error';
  return text.split('\n', 1)[0]!.trim() || 'error';
}

function readSession(raw: Json, file: ParseStart<undefined>['file'], pass: Pass, sink: ImportSink): void {
  const time = isObject(raw.time) ? raw.time : {};
  if (file.part < SUBAGENT_PARTS) {
    const meta: Json = {};
    if (str(raw.version)) meta.version = raw.version;
    if (str(raw.projectID)) meta.projectId = raw.projectID;
    if (name(pass, sink, file.hints ?? {}, toIsoTime(ms(time.created)) ?? createdHint(file.hints), meta) !== 'ok') return;
  }
  if (pass.named) touch(sink, ms(time.created));
}

function readMessage(raw: Json, file: ParseStart<undefined>['file'], pass: Pass, sink: ImportSink): void {
  const hints = file.hints ?? {};
  const id = path.basename(file.path, '.json');
  const time = isObject(raw.time) ? raw.time : {};
  const created = ms(time.created);
  const completed = ms(time.completed);
  if (name(pass, sink, hints, createdHint(hints) ?? toIsoTime(created)) !== 'ok' || !pass.named) return;
  const provider = str(raw.providerID) ?? UNKNOWN_MODEL;
  const agentId = hints.owner && hints.owner !== hints.root ? hints.owner : undefined;
  const info: MessageInfo = {
    role: str(raw.role) ?? 'unknown',
    model: str(raw.modelID) ?? UNKNOWN_MODEL,
    provider,
    ...(agentId ? { agentId } : {}),
    ...(created ? { created, lastMs: created } : {}),
  };
  pass.messages.set(id, info);
  touch(sink, created);
  touch(sink, completed);
  if (info.role !== 'assistant') return;
  const ts = toIsoTime(completed ?? created);
  if (!ts) return;
  const agent = agentId ? { agentId } : {};
  // Tokens come from the message's steps (its step-finish parts); a message without any part file has only its own.
  if (hints.parts === '0') {
    const tokens = openCodeTokens(raw.tokens, provider);
    if (hasTokens(tokens) && sink.claim(id)) sink.emit({ type: 'api.response', ts, model: info.model, engine: provider, tokens, ...agent });
  }
  if (isObject(raw.error) && !NOT_API_ERRORS.has(str(raw.error.name) ?? '')) {
    sink.emit({ type: 'api.error', ts, model: info.model, engine: provider, error: errorText(raw.error) });
  }
}

/**
 * Turns OpenCode's storage files into events, one file a pass: a session file names the session,
 * a message file gives the model and provider of its steps, a part file gives a finished step's
 * tokens (`step-finish`) or a tool call. The host reads a group's session files, then its message
 * files, then its part files. A part of a message this pass did not read is a message that grew
 * after an earlier run: the host imports the session again from the start.
 */
export function parseOpenCode({ file, sink }: ParseStart<undefined>): RecordParser<undefined> {
  const pass = passOf(sink);
  const kind = file.hints?.kind;
  if (kind === 'session' && file.part < SUBAGENT_PARTS) pass.whole = true;
  if (kind === 'message') pass.listed.add(path.basename(file.path, '.json'));
  return {
    record(raw) {
      if (!isObject(raw)) return;
      if (kind === 'session') return readSession(raw, file, pass, sink);
      if (kind === 'message') return readMessage(raw, file, pass, sink);
      if (kind !== 'part') return;
      const messageId = file.hints?.owner ?? str(raw.messageID) ?? '';
      const message = pass.messages.get(messageId);
      if (!message) {
        // A part of a message that is gone or was half-written is left out; one of a message imported before means the message grew.
        if (pass.whole || pass.listed.has(messageId)) return;
        return sink.restart(`message ${messageId} has new parts`);
      }
      partEvents(raw, path.basename(file.path, '.json'), message, sink);
    },
    end: () => undefined,
  };
}
