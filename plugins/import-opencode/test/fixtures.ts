import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Fixture builders for OpenCode's storage folder, written the way OpenCode's `Storage.write` writes it (pretty JSON, one record a file). */

const T0 = Date.parse('2026-03-01T09:00:00.000Z');

/** Milliseconds since the epoch, `s` seconds after the fixtures' start (OpenCode stores times as numbers). */
export const at = (s: number): number => T0 + s * 1000;
/** The same time as ISO 8601. */
export const iso = (s: number): string => new Date(at(s)).toISOString();

/** OpenCode's `tokens` object. */
export interface Tokens {
  input: number;
  output: number;
  reasoning?: number;
  read?: number;
  write?: number;
  total?: number;
}

const tokens = (t: Tokens) => ({
  ...(t.total === undefined ? {} : { total: t.total }),
  input: t.input,
  output: t.output,
  reasoning: t.reasoning ?? 0,
  cache: { read: t.read ?? 0, write: t.write ?? 0 },
});

/** An OpenCode storage folder (`<data>/opencode/storage`). */
export class Storage {
  constructor(readonly root: string) {}

  /** Writes one record at `<root>/<key...>.json`; returns its path. */
  write(key: string[], value: unknown): string {
    const file = `${path.join(this.root, ...key)}.json`;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
    return file;
  }

  /** Removes one record. */
  remove(key: string[]): void {
    rmSync(`${path.join(this.root, ...key)}.json`, { force: true });
  }

  project(id: string, worktree: string): string {
    return this.write(['project', id], { id, worktree, vcs: 'git', time: { created: at(0), updated: at(0) } });
  }

  session(projectID: string, id: string, directory: string | undefined, s: number, extra: Record<string, unknown> = {}): string {
    const info = { id, slug: 'brave-otter', version: '1.1.10', projectID, ...(directory ? { directory } : {}), title: 'Fix the build', time: { created: at(s), updated: at(s + 5) }, ...extra };
    return this.write(['session', projectID, id], info);
  }

  user(sessionID: string, id: string, s: number): string {
    return this.write(['message', sessionID, id], { id, sessionID, role: 'user', time: { created: at(s) }, agent: 'build', model: { providerID: 'anthropic', modelID: 'claude-sonnet-4-5' } });
  }

  /** An assistant message; `completed` unset while it streams, `tokens` are the last step's (as OpenCode keeps them). */
  assistant(sessionID: string, id: string, provider: string, model: string, s: number, o: { completed?: number; tokens?: Tokens; cost?: number; error?: unknown } = {}): string {
    return this.write(['message', sessionID, id], {
      id,
      sessionID,
      role: 'assistant',
      time: { created: at(s), ...(o.completed === undefined ? {} : { completed: at(o.completed) }) },
      parentID: 'msg_0000',
      modelID: model,
      providerID: provider,
      mode: 'build',
      agent: 'build',
      path: { cwd: '/work', root: '/work' },
      cost: o.cost ?? 0,
      tokens: tokens(o.tokens ?? { input: 0, output: 0 }),
      ...(o.error === undefined ? {} : { error: o.error }),
    });
  }

  private part(sessionID: string, messageID: string, id: string, body: Record<string, unknown>): string {
    return this.write(['part', messageID, id], { id, sessionID, messageID, ...body });
  }

  stepStart(sessionID: string, messageID: string, id: string): string {
    return this.part(sessionID, messageID, id, { type: 'step-start', snapshot: 'a1b2c3' });
  }

  stepFinish(sessionID: string, messageID: string, id: string, t: Tokens, cost = 0.01): string {
    return this.part(sessionID, messageID, id, { type: 'step-finish', reason: 'tool-calls', snapshot: 'd4e5f6', cost, tokens: tokens(t) });
  }

  text(sessionID: string, messageID: string, id: string, start: number, end?: number, type: 'text' | 'reasoning' = 'text'): string {
    return this.part(sessionID, messageID, id, { type, text: 'Looking at it.', time: { start: at(start), ...(end === undefined ? {} : { end: at(end) }) } });
  }

  /** A tool part; `end` only for `completed` and `error`. */
  tool(sessionID: string, messageID: string, id: string, tool: string, status: 'pending' | 'running' | 'completed' | 'error', start: number, end?: number, extra: Record<string, unknown> = {}): string {
    const state =
      status === 'pending'
        ? { status, input: {}, raw: '' }
        : status === 'running'
          ? { status, input: {}, time: { start: at(start) } }
          : status === 'completed'
            ? { status, input: {}, output: 'ok', title: tool, metadata: {}, time: { start: at(start), end: at(end!) }, ...extra }
            : { status, input: {}, error: 'failed', time: { start: at(start), end: at(end!) }, ...extra };
    return this.part(sessionID, messageID, id, { type: 'tool', callID: `call_${id}`, tool, state });
  }
}
