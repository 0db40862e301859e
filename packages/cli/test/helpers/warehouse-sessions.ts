import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/** Names that break SQL built by pasting: quotes, backslashes, a newline, a statement of their own. */
export const HOSTILE_MODEL = "claude-opus-4-1'); DROP TABLE radium.sessions; --";
export const HOSTILE_MODEL_2 = 'back\\slash\\\'q"\nnew-line`tick`';
export const HOSTILE_DEVELOPER = "o'brien\\dev@example.com";
export const HOSTILE_PROJECT_PART = "proj'\\x\"; DROP DATABASE radium; --";

/** One API response of a written session. */
export interface Response {
  model: string;
  input: number;
  output: number;
  /** Minutes after the session's start (default: one a minute from the first). */
  at?: number;
}

/** Who ran a written session, where and when. */
export interface SessionShape {
  /** Its workspace (default: the root). */
  project?: string;
  agent?: string;
  /** When it started (default: an hour ago). */
  hoursAgo?: number;
  /** When it started, epoch ms (over `hoursAgo`): the same session written again keeps its buckets. */
  startMs?: number;
  /** The one tool it calls (default: Bash). */
  tool?: string;
  /** False: no end event, as a session still running (or killed) when it is pushed. */
  ended?: boolean;
}

/** Writes a session's journal into a workspace: its API responses and one tool call, ended after 30 minutes unless told otherwise. */
export function writeSession(root: string, id: string, shape: SessionShape, responses: Response[]): void {
  const base = shape.startMs ?? Date.now() - (shape.hoursAgo ?? 1) * 3_600_000;
  const at = (minute: number) => new Date(base + minute * 60_000).toISOString();
  const events: object[] = [{ type: 'session.start', ts: at(0), sessionId: id, workspace: shape.project ?? root, agent: shape.agent ?? 'claude' }];
  responses.forEach((r, i) =>
    events.push({ type: 'api.response', ts: at(r.at ?? 1 + i), model: r.model, engine: 'anthropic', durationMs: 1_000, tokens: { input: r.input, output: r.output, cacheRead: 100, cacheWrite: 10 } }),
  );
  events.push({ type: 'tool.call', ts: at(20), name: shape.tool ?? 'Bash', durationMs: 50, success: true });
  if (shape.ended !== false) events.push({ type: 'session.end', ts: at(30) });
  writeFileSync(path.join(root, '.radium', '_internals', 'sessions', `${id}.events.jsonl`), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

/** A model row of `rad stats model --json`, as far as the warehouse tests compare it. */
export interface ModelRow {
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** The token facts summed per model through FINAL, as a warehouse query gives them. */
type WarehouseModelSums = { model: string; requests: number; input_tokens: number; output_tokens: number; cost: number };

/** The query whose per-model sums must equal `rad stats model --json`. */
const MODEL_SUMS_SQL =
  'SELECT model, sum(requests) AS requests, sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(cost_nano_usd) AS cost FROM radium.facts_tokens_usage FINAL GROUP BY model ORDER BY model';

/** Per model, the warehouse's sums (read through FINAL by `rows`) equal the local model view's (`local`, at least three models). */
export async function expectWarehouseMatchesLocal(local: ModelRow[], rows: (sql: string) => Promise<WarehouseModelSums[]>): Promise<void> {
  const remote = await rows(MODEL_SUMS_SQL);
  const byModel = (list: ModelRow[]) =>
    Object.fromEntries(list.map((m) => [m.model, { requests: m.requests, inputTokens: m.inputTokens, outputTokens: m.outputTokens, costUsd: Math.round(m.costUsd * 1e6) }]));
  expect(byModel(remote.map((r) => ({ model: r.model, requests: r.requests, inputTokens: r.input_tokens, outputTokens: r.output_tokens, costUsd: r.cost / 1e9 })))).toEqual(byModel(local));
  expect(local.length).toBeGreaterThanOrEqual(3);
}
