import { rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace } from '@radium-stats/core/testing';
import { OtlpReceiver, type ReceivedSpan } from '../helpers/otlp-receiver.js';
import { freshCliHome, rad, radAsync, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';
import type { UsageJson } from '../../src/dashboard/groups.js';

/** The header secret: it must reach the receiver and never appear in rad's output. */
const SECRET = 's3cr3t/token+value';
const HEADERS = `authorization=Bearer%20${encodeURIComponent(SECRET)},x-scope=team%3Dplatform`;

const SONNET = 'claude-sonnet-4-5-20250929';
const HAIKU = 'claude-haiku-4-5';
const GPT = 'gpt-4o';

interface Tokens {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite?: number;
  cacheWrite1h?: number;
  reasoning?: number;
}
type Event = Record<string, unknown> & { type: string; ts: string };

interface ModelJson {
  models: (UsageJson & { model: string })[];
  total: UsageJson;
}

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
const response = (ts: string, model: string, engine: string, tokens: Tokens, extra: Record<string, unknown> = {}): Event => ({ type: 'api.response', ts, model, engine, durationMs: 2_500, tokens, ...extra });

/** The journals of the workspace: three sessions over March and one in January, by id. */
function journals(root: string): Record<string, Event[]> {
  const a = '2026-03-10T10:00:00.000Z';
  const b = '2026-03-12T09:00:00.000Z';
  const c = '2026-01-20T15:00:00.000Z';
  return {
    'otlp-a': [
      { type: 'session.start', ts: a, sessionId: 'otlp-a', workspace: root, agent: 'claude' },
      response(at(a, 1), SONNET, 'claude', { input: 1_200, output: 300, cacheRead: 9_000, cacheWrite: 2_000, cacheWrite1h: 500, reasoning: 40 }),
      { type: 'tool.call', ts: at(a, 2), name: 'Bash', durationMs: 1_500, success: true },
      { type: 'file.edit', ts: at(a, 3), path: 'src/a.ts', added: 10, removed: 2 },
      { type: 'api.error', ts: at(a, 4), model: SONNET, engine: 'claude', durationMs: 800, error: 'Overloaded' },
      response(at(a, 5), SONNET, 'claude', { input: 2_400, output: 700, cacheRead: 12_000 }, { agentId: 'sub-1' }),
      { type: 'tool.call', ts: at(a, 6), name: 'Edit', durationMs: 300, success: false, error: 'old_string not found' },
      response(at(a, 7), HAIKU, 'anthropic', { input: 800, output: 90, cacheRead: 3_000, cacheWrite: 1_000 }),
      { type: 'session.end', ts: at(a, 30) },
    ],
    'otlp-b': [
      { type: 'session.start', ts: b, sessionId: 'otlp-b', workspace: path.join(root, 'app'), agent: 'codex' },
      response(at(b, 1), GPT, 'openai', { input: 5_000, output: 1_000, cacheRead: 20_000, reasoning: 300 }),
      { type: 'tool.call', ts: at(b, 2), name: 'shell', durationMs: 4_000, success: true, decision: 'accept' },
      { type: 'session.end', ts: at(b, 10) },
    ],
    'otlp-c': [
      { type: 'session.start', ts: c, sessionId: 'otlp-c', workspace: root, agent: 'claude' },
      response(at(c, 1), HAIKU, 'anthropic', { input: 300, output: 50 }),
      response(at(c, 2), HAIKU, 'anthropic', { input: 600, output: 80, cacheRead: 1_000 }),
      { type: 'session.end', ts: at(c, 5) },
    ],
  };
}

/** A report of the original Radium (no journal): it keeps the cost it recorded. */
const LEGACY = { id: 'legacy-d', model: 'legacy-model', cost: 0.5, input: 40_000, output: 2_000, start: '2026-03-05T08:00:00Z', end: '2026-03-05T09:00:00Z' };

describe('rad stats export --format otlp', () => {
  let cwd: string;
  let home: string;
  let receiver: OtlpReceiver;
  let env: NodeJS.ProcessEnv;
  let events: Record<string, Event[]>;

  beforeAll(async () => {
    cwd = await tempWorkspace();
    home = tempDir('rad-otlp-home-');
    const gitConfig = path.join(home, 'gitconfig');
    writeFileSync(gitConfig, '[user]\n\temail = dev@example.com\n');
    env = { ...freshCliHome(), TZ: 'UTC', GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', OTEL_EXPORTER_OTLP_HEADERS: HEADERS, OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=laptop' };
    // The identity `rad stats push` stamps its rows with: team from the config, developer from git, machine the host name.
    writeFileSync(path.join(cwd, '.radium', 'stats.config.json'), JSON.stringify({ warehouse: { team: 'platform' } }));
    events = journals(cwd);
    for (const [id, list] of Object.entries(events)) {
      writeFileSync(path.join(cwd, '.radium/_internals/sessions', `${id}.events.jsonl`), list.map((e) => `${JSON.stringify(e)}\n`).join(''));
    }
    const usage = { requests: 3, input_tokens: LEGACY.input, output_tokens: LEGACY.output, cached_tokens: 0, estimated_cost: LEGACY.cost };
    const metrics = { session_id: LEGACY.id, start_time: LEGACY.start, end_time: LEGACY.end, model_usage: { [LEGACY.model]: usage }, total_cost: LEGACY.cost };
    writeFileSync(path.join(cwd, '.radium/_internals/sessions', `${LEGACY.id}.json`), JSON.stringify({ metrics }));
    receiver = await OtlpReceiver.start();
  });

  afterAll(async () => {
    await receiver?.stop();
    for (const dir of [cwd, home]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    receiver.clear();
    receiver.status = 200;
  });

  /** Runs rad without blocking, so the receiver in this process can answer it. */
  const radOtlp = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RadResult> => radAsync(['stats', 'export', '--format', 'otlp', ...args], { cwd, env: { ...env, ...extraEnv } });
  const sent = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<ReceivedSpan[]> => {
    const result = await radOtlp(args, extraEnv);
    expect(result.status, result.stderr).toBe(0);
    return receiver.spans;
  };
  const roots = (spans: ReceivedSpan[]) => spans.filter((s) => s.parentSpanId === '');
  const sessionIds = (spans: ReceivedSpan[]) => roots(spans).map((s) => s.attributes['gen_ai.conversation.id']).sort();
  const modelJson = (...args: string[]) => jsonOutput<ModelJson>(rad(['stats', 'model', '--json', ...args], { cwd, env }).stdout, 'model.schema.json');
  const exportedIds = (...args: string[]) => {
    const result = rad(['stats', 'export', ...args], { cwd, env });
    expect(result.status, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { sessions: { sessionId: string }[] }).sessions.map((s) => s.sessionId).sort();
  };
  const sum = (spans: ReceivedSpan[], attribute: string) => spans.reduce((n, s) => n + Number(s.attributes[attribute] ?? 0), 0);

  it('sends one trace per session over http/protobuf: a root span, a chat span per response with its tokens and cost, a span per tool call', async () => {
    const spans = await sent(['--endpoint', receiver.url]);
    expect(receiver.requests.map((r) => [r.path, r.contentType])).toEqual([['/v1/traces', 'application/x-protobuf']]);
    expect(sessionIds(spans)).toEqual(['legacy-d', 'otlp-a', 'otlp-b', 'otlp-c']);

    for (const [id, list] of Object.entries(events)) {
      const root = roots(spans).find((s) => s.attributes['gen_ai.conversation.id'] === id)!;
      const start = list[0]!;
      expect(root).toMatchObject({ name: `invoke_agent ${start['agent']}`, kind: 1, status: { code: 0 } });
      expect(root.attributes).toMatchObject({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': start['agent'], 'rad.project': start['workspace'], 'rad.source': 'live' });
      expect(BigInt(root.startTimeUnixNano)).toBe(BigInt(Date.parse(start.ts)) * 1_000_000n);
      expect(BigInt(root.endTimeUnixNano)).toBe(BigInt(Date.parse(list.at(-1)!.ts)) * 1_000_000n);
      // Usage is on the chat spans only, so nothing is counted twice.
      expect(root.attributes['gen_ai.usage.input_tokens']).toBeUndefined();

      const children = spans.filter((s) => s.traceId === root.traceId && s !== root);
      expect(children.every((s) => s.parentSpanId === root.spanId)).toBe(true);
      const responses = list.filter((e) => e.type === 'api.response');
      const chats = children.filter((s) => s.name.startsWith('chat ') && s.status.code === 0);
      expect(chats).toHaveLength(responses.length);
      responses.forEach((e, i) => {
        const t = e['tokens'] as Tokens;
        const chat = chats[i]!;
        expect(chat.name).toBe(`chat ${e['model']}`);
        expect(chat.kind).toBe(3);
        expect(chat.attributes).toMatchObject({
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': e['engine'] === 'openai' ? 'openai' : 'anthropic',
          'gen_ai.request.model': e['model'],
          // The convention's input includes cache reads and writes.
          'gen_ai.usage.input_tokens': t.input + (t.cacheRead ?? 0) + (t.cacheWrite ?? 0) + (t.cacheWrite1h ?? 0),
          'gen_ai.usage.output_tokens': t.output,
          'gen_ai.usage.cache_read.input_tokens': t.cacheRead ?? 0,
          'gen_ai.usage.cache_creation.input_tokens': (t.cacheWrite ?? 0) + (t.cacheWrite1h ?? 0),
        });
        expect(chat.attributes['rad.cost.usd']).toBeGreaterThan(0);
        expect(BigInt(chat.endTimeUnixNano) - BigInt(chat.startTimeUnixNano)).toBe(2_500_000_000n);
      });

      const tools = list.filter((e) => e.type === 'tool.call');
      const toolSpans = children.filter((s) => s.name.startsWith('execute_tool '));
      expect(toolSpans.map((s) => [s.name, s.attributes['gen_ai.tool.name'], s.status.code, s.attributes['error.type'] ?? null])).toEqual(
        tools.map((e) => [`execute_tool ${e['name']}`, e['name'], e['success'] ? 0 : 2, e['success'] ? null : '_OTHER']),
      );
    }

    const failedTool = spans.find((s) => s.name === 'execute_tool Edit')!;
    expect(failedTool.status).toEqual({ code: 2, message: 'old_string not found' });
    const failedChat = spans.find((s) => s.name === `chat ${SONNET}` && s.status.code === 2)!;
    expect(failedChat.status.message).toBe('Overloaded');
    expect(failedChat.attributes).toMatchObject({ 'error.type': '_OTHER', 'gen_ai.request.model': SONNET });
    expect(failedChat.attributes['gen_ai.usage.input_tokens']).toBeUndefined();

    // The resource says who sent the spans (OTEL_RESOURCE_ATTRIBUTES adds to it); the header reached the receiver decoded.
    expect(spans[0]!.resource).toMatchObject({ 'service.name': 'rad', team: 'platform', developer: 'dev@example.com', machine: os.hostname(), 'deployment.environment.name': 'laptop' });
    expect(receiver.requests[0]!.headers['authorization']).toBe(`Bearer ${SECRET}`);
    expect(receiver.requests[0]!.headers['x-scope']).toBe('team=platform');
  });

  it('has tokens and cost that add up to what rad stats model --json shows, model by model', async () => {
    const spans = await sent(['--endpoint', receiver.url]);
    const model = modelJson();
    const chats = spans.filter((s) => s.name.startsWith('chat ') && s.status.code === 0);
    for (const row of model.models.filter((m) => m.model !== LEGACY.model)) {
      const mine = chats.filter((s) => s.attributes['gen_ai.request.model'] === row.model);
      const cacheWrite = (row.cacheWriteTokens ?? 0) + (row.cacheWrite1hTokens ?? 0);
      expect(sum(mine, 'gen_ai.usage.cache_read.input_tokens')).toBe(row.cacheReadTokens);
      expect(sum(mine, 'gen_ai.usage.cache_creation.input_tokens')).toBe(cacheWrite);
      expect(sum(mine, 'gen_ai.usage.input_tokens')).toBe(row.inputTokens + row.cacheReadTokens + cacheWrite);
      expect(sum(mine, 'gen_ai.usage.output_tokens')).toBe(row.outputTokens);
      expect(sum(mine, 'rad.cost.usd')).toBeCloseTo(row.costUsd!, 9);
      // Requests count errors too: each is a chat span with an error status.
      expect(spans.filter((s) => s.attributes['gen_ai.request.model'] === row.model)).toHaveLength(row.requests);
    }
    // The legacy session has no journal: its root span carries its totals, and its original cost.
    const legacy = roots(spans).find((s) => s.attributes['gen_ai.conversation.id'] === LEGACY.id)!;
    expect(legacy.name).toBe('invoke_agent');
    expect(legacy.attributes).toMatchObject({ 'rad.source': 'legacy', 'gen_ai.usage.output_tokens': LEGACY.output, 'rad.cost.usd': LEGACY.cost });
    expect(spans.filter((s) => s.traceId === legacy.traceId)).toHaveLength(1);
    // Every cent is on exactly one span.
    expect(sum(spans, 'rad.cost.usd')).toBeCloseTo(model.total.costUsd!, 9);
    expect(sum(spans, 'gen_ai.usage.output_tokens')).toBe(model.total.outputTokens);
  });

  it('sends the same spans, with the same ids, over http/json and on every export', async () => {
    const proto = await sent(['--endpoint', receiver.url]);
    receiver.clear();
    const json = await sent(['--endpoint', receiver.url, '--protocol', 'http/json']);
    expect(receiver.requests.map((r) => [r.path, r.contentType.split(';')[0]])).toEqual([['/v1/traces', 'application/json']]);
    const key = (s: ReceivedSpan) => `${s.traceId}/${s.spanId}`;
    const byKey = (spans: ReceivedSpan[]) => new Map(spans.map((s) => [key(s), s]));
    expect([...byKey(json).keys()].sort()).toEqual([...byKey(proto).keys()].sort());
    expect(new Set(proto.map((s) => s.spanId)).size).toBe(proto.length);
    for (const span of json) expect(span).toEqual(byKey(proto).get(key(span)));
  });

  it('selects sessions with the filters of export, and one with --session-id', async () => {
    for (const filters of [['--since', '2026-03-01'], ['--agent', 'claude'], ['--agent', 'codex', '--since', '2026-03-01'], ['--until', '2026-02-01']]) {
      receiver.clear();
      expect(sessionIds(await sent(['--endpoint', receiver.url, ...filters])), filters.join(' ')).toEqual(exportedIds(...filters));
    }
    receiver.clear();
    expect(sessionIds(await sent(['--endpoint', receiver.url, '--session-id', 'otlp-b']))).toEqual(['otlp-b']);
  });

  it('reads the receiver from OTEL_EXPORTER_OTLP_ENDPOINT (a base URL, /v1/traces added) and reports what it sent under --json', async () => {
    const result = await radOtlp(['--json', '--agent', 'codex'], { OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/otlp/` });
    expect(result.status, result.stderr).toBe(0);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/otlp/v1/traces']);
    expect(JSON.parse(result.stdout)).toEqual({ endpoint: `${receiver.url}/otlp/v1/traces`, protocol: 'http/protobuf', sessions: 1, spans: 3 });
    jsonOutput(result.stdout, 'otlp-export-result.schema.json');
    const human = await radOtlp(['--agent', 'codex', '--endpoint', receiver.url]);
    expect(human.stdout.trim()).toBe(`Sent 1 session (3 spans) to ${receiver.url}/v1/traces over http/protobuf`);
  });

  it('fails with one line naming the endpoint, never the header secret, when the receiver answers 500', async () => {
    receiver.status = 500;
    const result = await radOtlp(['--endpoint', receiver.url]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^Error: Could not send spans to ${receiver.url}/v1/traces: HTTP 500 Internal Server Error \\(0 of 4 sessions sent before that\\)`));
    expect(receiver.requests[0]!.headers['authorization']).toBe(`Bearer ${SECRET}`);
    const json = await radOtlp(['--endpoint', receiver.url, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).error).toMatchObject({ name: 'OtlpExportError', exitCode: 1 });
    for (const out of [result, json]) {
      const text = out.stdout + out.stderr;
      for (const secret of [SECRET, encodeURIComponent(SECRET), 'Bearer']) expect(text).not.toContain(secret);
    }
  });

  it('fails with one line naming the endpoint when nothing listens there, and hides credentials in the URL', async () => {
    const port = await closedPort();
    const result = await radOtlp(['--endpoint', `http://robot:${encodeURIComponent(SECRET)}@127.0.0.1:${port}/base?token=${encodeURIComponent(SECRET)}`], { OTEL_EXPORTER_OTLP_TIMEOUT: '2000' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^Error: Could not send spans to http://127\\.0\\.0\\.1:${port}/base/v1/traces: .*ECONNREFUSED`));
    expect(result.stdout + result.stderr).not.toContain('robot');
    for (const secret of [SECRET, encodeURIComponent(SECRET)]) expect(result.stdout + result.stderr).not.toContain(secret);
  });

  it.each([
    [[], {}, /^Error: --format otlp needs a receiver: pass --endpoint URL .* or set OTEL_EXPORTER_OTLP_ENDPOINT\.$/],
    [['--endpoint', `ftp://robot:${SECRET}@example.com`], {}, /^Error: --endpoint is not an http or https URL: pass --endpoint URL/],
    [[], { OTEL_EXPORTER_OTLP_ENDPOINT: `not a url ${SECRET}` }, /^Error: OTEL_EXPORTER_OTLP_ENDPOINT is not an http or https URL/],
    [['--endpoint', 'http://127.0.0.1:9', '--output', 'x.json'], {}, /^Error: --format otlp sends the sessions to a receiver, not to a file: leave out --output/],
    [['--endpoint', 'http://127.0.0.1:9'], { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /^Error: OTEL_EXPORTER_OTLP_PROTOCOL is "grpc", but rad sends OTLP over HTTP only/],
  ])('refuses %j %j with a one-line usage error', async (args, extraEnv, message) => {
    const result = await radOtlp(args as string[], extraEnv as NodeJS.ProcessEnv);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr).not.toContain(SECRET);
    expect(receiver.requests).toEqual([]);
  });

  it('refuses --endpoint and --protocol without --format otlp', () => {
    const result = rad(['stats', 'export', '--endpoint', 'http://127.0.0.1:9'], { cwd, env });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^Error: --endpoint and --protocol only go with --format otlp/);
  });
});

/** A port on 127.0.0.1 that nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
