import { elapsedMs, toIsoTime, type ParseStart, type RecordParser } from '@radium-stats/core';
import { findPatch, patchFiles } from './apply-patch.js';
import { MAX_PENDING_CALLS, type CodexFileState, type PendingCall } from './state.js';
import { toolOutcome } from './tool-output.js';
import { codexTokens, isEmptyUsage, readUsage, sameUsage, usageSince } from './usage.js';

/** Engine of Codex models. */
export const CODEX_ENGINE = 'openai';

/** Model name used when a rollout never says which model ran (very old rollouts). */
export const UNKNOWN_MODEL = 'unknown';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const CALLS = new Set(['function_call', 'custom_tool_call', 'local_shell_call']);
const OUTPUTS = new Set(['function_call_output', 'custom_tool_call_output']);

/**
 * Turns Codex rollout lines into events: `token_count` events into responses (a repeated total is
 * never counted twice), call/output pairs into tool calls, apply_patch patches into edits.
 */
export function parseCodex({ file, state, sink }: ParseStart<CodexFileState>): RecordParser<CodexFileState> {
  let named = state?.named ?? false;
  let model = state?.model;
  let lastTotal = state?.lastTotal;
  const pending = new Map(Object.entries(state?.pending ?? {}));

  const name = (payload: Json, ts: string, cwd: string | undefined): void => {
    if (named || !cwd) return;
    const meta: Json = {};
    for (const [from, to] of [['cli_version', 'version'], ['originator', 'originator'], ['model_provider', 'modelProvider']] as const) {
      if (str(payload[from])) meta[to] = payload[from];
    }
    const git = isObject(payload.git) ? str(payload.git.branch) : undefined;
    if (git) meta.gitBranch = git;
    if (sink.session({ originalId: str(payload.id) ?? file.group, workspace: cwd, ts: toIsoTime(payload.timestamp) ?? ts, ...(Object.keys(meta).length ? { meta } : {}) }) !== 'ok') return;
    named = true;
  };

  const tokens = (payload: Json, ts: string): void => {
    const info = payload.info;
    if (!isObject(info)) return;
    const last = readUsage(info.last_token_usage);
    const total = readUsage(info.total_token_usage);
    if (total && lastTotal && sameUsage(total, lastTotal)) return;
    const usage = last ?? (total ? usageSince(total, lastTotal) : null);
    if (total) lastTotal = total;
    if (!usage || isEmptyUsage(usage)) return;
    sink.emit({ type: 'api.response', ts, model: model ?? str(info.model) ?? UNKNOWN_MODEL, engine: CODEX_ENGINE, tokens: codexTokens(usage) });
  };

  const call = (payload: Json, ts: string): void => {
    const id = str(payload.call_id) ?? str(payload.id);
    if (!id) return;
    const toolName = str(payload.name) ?? (payload.type === 'local_shell_call' ? 'local_shell' : 'unknown');
    const args = payload.arguments ?? payload.input ?? payload.action;
    const patch = toolName === 'apply_patch' || JSON.stringify(args ?? '').includes('apply_patch') ? findPatch(args) : undefined;
    const entry: PendingCall = { name: toolName, ts };
    if (patch) entry.edits = patchFiles(patch);
    pending.set(id, entry);
    if (pending.size > MAX_PENDING_CALLS) pending.delete(pending.keys().next().value!);
  };

  const output = (payload: Json, ts: string): void => {
    const id = str(payload.call_id);
    const entry = id ? pending.get(id) : undefined;
    if (!id || !entry) return;
    pending.delete(id);
    const outcome = toolOutcome(payload.output);
    const durationMs = elapsedMs(entry.ts, ts);
    sink.emit({
      type: 'tool.call',
      ts,
      name: entry.name,
      success: outcome.success,
      ...(durationMs === undefined ? {} : { durationMs }),
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.decision ? { decision: outcome.decision } : {}),
    });
    if (!outcome.success) return;
    for (const edit of entry.edits ?? []) sink.emit({ type: 'file.edit', ts, path: edit.path, added: edit.added, removed: edit.removed });
  };

  return {
    record(raw) {
      if (!isObject(raw)) return;
      const ts = toIsoTime(raw.timestamp);
      const payload = raw.payload;
      if (!ts || !isObject(payload)) return;
      if (raw.type === 'session_meta') name(payload, ts, str(payload.cwd));
      if (raw.type === 'turn_context') {
        model = str(payload.model) ?? model;
        name(payload, ts, str(payload.cwd));
      }
      if (!named) return;
      sink.touch(ts);
      if (raw.type === 'event_msg' && payload.type === 'token_count') tokens(payload, ts);
      else if (raw.type === 'response_item' && CALLS.has(String(payload.type))) call(payload, ts);
      else if (raw.type === 'response_item' && OUTPUTS.has(String(payload.type))) output(payload, ts);
    },
    end() {
      return { named, ...(model ? { model } : {}), ...(lastTotal ? { lastTotal } : {}), pending: Object.fromEntries(pending) };
    },
  };
}

/** Time of a rollout line. */
export function codexRecordTime(raw: unknown): string | undefined {
  return isObject(raw) ? str(raw.timestamp) : undefined;
}
