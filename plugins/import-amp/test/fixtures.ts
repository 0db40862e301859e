import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Fixture builders for Amp thread files, shaped as the README describes them. */

type Json = Record<string, unknown>;

export const at = (seconds: number): string => new Date(Date.parse('2026-01-19T11:00:00.000Z') + seconds * 1000).toISOString();
const ms = (seconds: number): number => Date.parse(at(seconds));

/** An assistant message's `usage`; `s` is when the response finished (newer threads record it, older ones do not). */
export const usage = (model: string, input: number, output: number, cacheRead: number, cacheWrite: number, s?: number): Json => ({
  model,
  maxInputTokens: 168000,
  inputTokens: input,
  outputTokens: output,
  cacheCreationInputTokens: cacheWrite,
  cacheReadInputTokens: cacheRead,
  totalInputTokens: input + cacheRead + cacheWrite,
  ...(s === undefined ? {} : { timestamp: at(s) }),
  credits: 0.25,
});

export const user = (messageId: number, s: number, text = 'fix the loop bound'): Json => ({
  role: 'user',
  messageId,
  meta: { sentAt: ms(s) },
  content: [{ type: 'text', text }],
});

export const assistant = (messageId: number, use: Json | undefined, content: Json[] = [], state: Json = { type: 'complete', stopReason: content.length ? 'tool_use' : 'end_turn' }): Json => ({
  role: 'assistant',
  messageId,
  content: [{ type: 'thinking', thinking: '...', signature: 'sig', provider: 'anthropic' }, ...content],
  state,
  ...(use ? { usage: use } : {}),
});

export const toolUse = (id: string, name: string, input: Json): Json => ({ type: 'tool_use', complete: true, id, name, input });

/** The user message Amp adds after tool calls, carrying their results (it has no `sentAt`). */
export const results = (messageId: number, ...blocks: Json[]): Json => ({ role: 'user', messageId, content: blocks });

export const toolResult = (toolUseID: string, run: Json): Json => ({ type: 'tool_result', toolUseID, run });

/** A legacy `usageLedger` event: input and output only, tied to the assistant message it paid for. */
export const ledgerEvent = (id: string, s: number, model: string, input: number, output: number, toMessageId: number): Json => ({
  id,
  timestamp: at(s),
  model,
  credits: 1.5,
  tokens: { input, output },
  operationType: 'inference',
  fromMessageId: toMessageId - 1,
  toMessageId,
});

/** A thread document started at `s` in folder `cwd` (no folder when null). */
export function thread(id: string, cwd: string | null, s: number, messages: Json[], extra: Json = {}): Json {
  const trees = cwd === null ? [] : [{ displayName: path.basename(cwd), uri: pathToFileURL(cwd).href, repository: { type: 'git', url: 'https://example.com/app', ref: 'refs/heads/main' } }];
  return {
    v: messages.length + 3,
    id,
    created: ms(s),
    title: 'Fix the off-by-one',
    agentMode: 'smart',
    nextMessageId: messages.length,
    env: { initial: { trees, platform: { os: 'linux', client: 'CLI', clientVersion: '0.0.1768178000-gaaaaaa', clientType: 'cli' }, tags: ['model:claude-opus-4-5-20251101'] } },
    messages,
    ...extra,
  };
}

/** Writes a thread as Amp does (`<data>/threads/<id>.json`, pretty-printed); `torn` keeps only its first part, as a write cut short. */
export function writeThread(dataDir: string, doc: Json, options: { torn?: boolean } = {}): string {
  const file = path.join(dataDir, 'threads', `${doc.id as string}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(doc, null, 2);
  writeFileSync(file, options.torn ? text.slice(0, Math.floor(text.length * 0.6)) : text);
  return file;
}
