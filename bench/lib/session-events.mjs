// The events of one made-up agent session, as any runtime would write them to its journal.
import { int, pick, seeded } from './random.mjs';

const MODELS = [
  { model: 'claude-sonnet-4-5-20250929', engine: 'claude' },
  { model: 'claude-haiku-4-5-20251001', engine: 'claude' },
  { model: 'gpt-5', engine: 'openai' },
  { model: 'gemini-2.5-pro', engine: 'gemini' },
  { model: 'gemini-2.5-flash', engine: 'gemini' },
];
const TOOLS = ['Read', 'Edit', 'Bash', 'Grep', 'Glob', 'Write', 'WebFetch'];
const DECISIONS = ['accept', 'accept', 'accept', 'auto_accept', 'reject', 'modify'];

/** A session of 20-50 events: API responses, tool calls and edits, spread over up to an hour. */
export function sessionEvents(index, sessionId, startMs, workspace) {
  const rand = seeded(index * 2654435761);
  let t = startMs;
  const ts = () => new Date(t).toISOString();
  const events = [{ type: 'session.start', ts: ts(), sessionId, workspace, agent: 'bench-agent' }];
  const { model, engine } = pick(rand, MODELS);
  const turns = int(rand, 6, 16);
  for (let turn = 0; turn < turns; turn++) {
    const latency = int(rand, 400, 9000);
    t += latency;
    const cached = rand() < 0.7;
    events.push({
      type: 'api.response',
      ts: ts(),
      model: rand() < 0.85 ? model : pick(rand, MODELS).model,
      engine,
      durationMs: latency,
      tokens: {
        input: int(rand, 50, 4000),
        output: int(rand, 20, 1500),
        cacheRead: cached ? int(rand, 1000, 60000) : 0,
        cacheWrite: cached && rand() < 0.3 ? int(rand, 100, 5000) : 0,
      },
      requestId: `req_${index}_${turn}`,
    });
    if (rand() < 0.05) {
      t += 200;
      events.push({ type: 'api.error', ts: ts(), model, engine, durationMs: 200, error: 'overloaded' });
    }
    const calls = int(rand, 0, 3);
    for (let c = 0; c < calls; c++) {
      const duration = int(rand, 5, 20000);
      t += duration;
      const success = rand() < 0.92;
      const name = pick(rand, TOOLS);
      events.push({
        type: 'tool.call',
        ts: ts(),
        name,
        durationMs: duration,
        success,
        ...(rand() < 0.4 ? { decision: pick(rand, DECISIONS) } : {}),
        ...(success ? {} : { error: 'exit status 1' }),
      });
      if (success && (name === 'Edit' || name === 'Write')) {
        events.push({ type: 'file.edit', ts: ts(), path: `src/module-${int(rand, 1, 40)}.ts`, added: int(rand, 0, 60), removed: int(rand, 0, 30) });
      }
    }
  }
  t += int(rand, 100, 5000);
  events.push({ type: 'session.end', ts: ts() });
  return events;
}
