import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Fixture builders for Codex CLI rollouts, written the way Codex writes them. */

export const at = (seconds: number): string => new Date(Date.parse('2026-05-13T09:00:00.000Z') + seconds * 1000).toISOString();

const line = (seconds: number, type: string, payload: unknown): string => JSON.stringify({ timestamp: at(seconds), type, payload });

export interface RawUsage {
  input_tokens: number;
  cached_input_tokens: number;
  output_tokens: number;
  reasoning_output_tokens: number;
  total_tokens: number;
}

export const usage = (input: number, cached: number, output: number, reasoning: number): RawUsage => ({
  input_tokens: input,
  cached_input_tokens: cached,
  output_tokens: output,
  reasoning_output_tokens: reasoning,
  total_tokens: input + output,
});

export const meta = (s: number, id: string, cwd: string) =>
  line(s, 'session_meta', { id, timestamp: at(s), cwd, originator: 'codex_cli_rs', cli_version: '0.98.0', model_provider: 'openai', git: { branch: 'main' } });
export const turn = (s: number, cwd: string, model: string) => line(s, 'turn_context', { cwd, model, approval_policy: 'on-request' });
export const call = (s: number, id: string, name: string, args: unknown) => line(s, 'response_item', { type: 'function_call', call_id: id, name, arguments: JSON.stringify(args) });
export const customCall = (s: number, id: string, name: string, input: string) => line(s, 'response_item', { type: 'custom_tool_call', call_id: id, name, input, status: 'completed' });
export const output = (s: number, id: string, out: unknown) => line(s, 'response_item', { type: 'function_call_output', call_id: id, output: out });
export const customOutput = (s: number, id: string, out: unknown) => line(s, 'response_item', { type: 'custom_tool_call_output', call_id: id, output: out });
export const tokens = (s: number, last: RawUsage | null, total: RawUsage | null) =>
  line(s, 'event_msg', { type: 'token_count', info: last || total ? { ...(last ? { last_token_usage: last } : {}), ...(total ? { total_token_usage: total } : {}) } : null });
export const message = (s: number, text: string) => line(s, 'response_item', { type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] });

/** Writes a rollout under `<home>/sessions/2026/05/13/`. */
export function writeRollout(home: string, id: string, lines: string[], options: { tornTail?: string; folder?: string } = {}): string {
  const file = path.join(home, options.folder ?? 'sessions/2026/05/13', `rollout-2026-05-13T09-00-00-${id}.jsonl`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.map((l) => `${l}\n`).join('') + (options.tornTail ?? ''));
  return file;
}

/** Appends lines to a rollout. */
export function appendRollout(file: string, lines: string[]): void {
  appendFileSync(file, lines.map((l) => `${l}\n`).join(''));
}
