import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempWorkspace } from '@radium-stats/core/testing';

/** A tool name made of markup: the dashboard must show it as text. */
export const HOSTILE_TOOL = '<img src=x onerror=alert(1)>';
/** A project path that would end the page's data element if it were inserted raw. */
export const HOSTILE_PROJECT_PART = 'x</script><b id="escaped">bold</b><!--';

const DAY_MS = 86_400_000;

/** `hour` o'clock UTC `daysAgo` days before today (UTC), as an ISO time. */
export function daysAgo(days: number, hour: number, minute = 0): string {
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  return new Date(today - days * DAY_MS + hour * 3_600_000 + minute * 60_000).toISOString();
}

interface SessionSpec {
  id: string;
  day: number;
  agent?: string;
  project: string;
  model: string;
  engine: string;
  responses: number;
  tools: [name: string, success: boolean][];
  edits: [added: number, removed: number][];
}

/** Writes an ended session's journal: responses with cache reads and writes, timed tool calls and file edits over an hour. */
function writeSession(root: string, s: SessionSpec): void {
  const start = daysAgo(s.day, 10);
  const at = (minute: number) => daysAgo(s.day, 10, minute);
  const events: object[] = [{ type: 'session.start', ts: start, sessionId: s.id, workspace: s.project, ...(s.agent ? { agent: s.agent } : {}) }];
  for (let i = 0; i < s.responses; i++) {
    events.push({ type: 'api.response', ts: at(1 + i), model: s.model, engine: s.engine, durationMs: 4_000, tokens: { input: 1_200 * (i + 1), output: 300, cacheRead: 9_000, cacheWrite: 2_000 } });
  }
  s.tools.forEach(([name, success], i) => events.push({ type: 'tool.call', ts: at(20 + i), name, durationMs: 1_500, success }));
  s.edits.forEach(([added, removed], i) => events.push({ type: 'file.edit', ts: at(40 + i), path: `src/file${i}.ts`, added, removed }));
  events.push({ type: 'session.end', ts: at(59) });
  writeFileSync(path.join(root, '.radium', '_internals', 'sessions', `${s.id}.events.jsonl`), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
}

/**
 * A workspace of five sessions over the last six weeks: two agents and one session without any,
 * projects nested in one another (root/app inside root), two models, failed tool calls, a tool
 * named with markup and a project path holding `</script>`.
 */
export async function dashboardWorkspace(): Promise<string> {
  const root = await tempWorkspace();
  const app = path.join(root, 'app');
  const sessions: SessionSpec[] = [
    { id: 'dash-s1', day: 2, agent: 'claude', project: root, model: 'claude-opus-4-1', engine: 'anthropic', responses: 4, tools: [['Bash', true], ['Bash', false], ['Read', true], [HOSTILE_TOOL, true]], edits: [[30, 4], [12, 0]] },
    { id: 'dash-s2', day: 2, agent: 'codex', project: app, model: 'claude-haiku-4-5', engine: 'anthropic', responses: 3, tools: [['Bash', true], ['Edit', false]], edits: [[5, 9]] },
    { id: 'dash-s3', day: 5, agent: 'claude', project: app, model: 'claude-haiku-4-5', engine: 'anthropic', responses: 2, tools: [['Read', true]], edits: [] },
    { id: 'dash-s4', day: 9, project: path.join(root, HOSTILE_PROJECT_PART), model: 'claude-opus-4-1', engine: 'anthropic', responses: 1, tools: [['Grep', true]], edits: [[1, 1]] },
    { id: 'dash-s5', day: 40, agent: 'claude', project: root, model: 'claude-opus-4-1', engine: 'anthropic', responses: 6, tools: [['Bash', true]], edits: [[100, 20]] },
  ];
  for (const s of sessions) writeSession(root, s);
  return root;
}

/** The page data embedded in a dashboard file, parsed back (its `\u003c` escapes read as `<`). */
export function embeddedData<T = Record<string, unknown>>(file: string): T {
  const html = readFileSync(file, 'utf8');
  const match = /<script type="application\/json" id="dashboard-data">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error(`${file} has no dashboard data element`);
  return JSON.parse(match[1]!) as T;
}
