import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Fixture builders for Gemini CLI chats, written the way Gemini CLI writes them. */

export const at = (seconds: number): string => new Date(Date.parse('2026-05-01T09:00:00.000Z') + seconds * 1000).toISOString();

export const metadata = (sessionId: string, projectHash: string, s: number, kind = 'main') =>
  JSON.stringify({ sessionId, projectHash, startTime: at(s), lastUpdated: at(s), kind });

export const user = (id: string, s: number, text = 'hi') => JSON.stringify({ id, timestamp: at(s), type: 'user', content: [{ text }] });

export interface Tokens {
  input: number;
  output: number;
  cached: number;
  thoughts?: number;
  tool?: number;
  total?: number;
}

export const gemini = (id: string, s: number, model: string, tokens: Tokens | null, toolCalls: unknown[] = []) =>
  JSON.stringify({ id, timestamp: at(s), type: 'gemini', content: '', model, tokens, thoughts: [], ...(toolCalls.length ? { toolCalls } : {}) });

export const toolCall = (id: string, name: string, status: string, s: number, extra: Record<string, unknown> = {}) => ({ id, name, args: {}, status, timestamp: at(s), ...extra });

export const diffStat = (modelAdded: number, modelRemoved: number, userAdded = 0, userRemoved = 0) => ({
  model_added_lines: modelAdded,
  model_removed_lines: modelRemoved,
  model_added_chars: 0,
  model_removed_chars: 0,
  user_added_lines: userAdded,
  user_removed_lines: userRemoved,
  user_added_chars: 0,
  user_removed_chars: 0,
});

/** Writes a chat under `<gemini>/tmp/<project>/chats/<name>`. */
export function writeChat(geminiDir: string, project: string, name: string, lines: string[], options: { tornTail?: string } = {}): string {
  const file = path.join(geminiDir, 'tmp', project, 'chats', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.map((l) => `${l}\n`).join('') + (options.tornTail ?? ''));
  return file;
}

/** Appends records to a chat. */
export function appendChat(file: string, lines: string[]): void {
  appendFileSync(file, lines.map((l) => `${l}\n`).join(''));
}
