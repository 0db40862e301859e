import { describe, expect, it } from 'vitest';
import { InvalidEventError } from '../errors.js';
import { parseEventLine } from './parse.js';

const ts = '2026-05-01T09:00:09.000Z';

describe('event validation', () => {
  it('accepts every protocol event and fills missing token buckets with 0', () => {
    const e = parseEventLine(JSON.stringify({ type: 'api.response', ts, model: 'gemini-2.5-pro', engine: 'gemini', durationMs: 1200, tokens: { input: 10, output: 3 } }));
    expect(e).toMatchObject({ tokens: { input: 10, output: 3, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0 } });
    for (const line of [
      { type: 'session.start', ts, sessionId: 's1', workspace: '/w' },
      { type: 'api.error', ts, model: 'm', engine: 'e', durationMs: 5, error: 'overloaded' },
      { type: 'tool.call', ts, name: 'Edit', durationMs: 3, success: false, decision: 'reject', error: 'denied' },
      { type: 'file.edit', ts, path: 'a.ts', added: 2, removed: 1 },
      { type: 'session.end', ts: '2026-05-01T18:00:00+09:00' },
    ]) {
      expect(parseEventLine(JSON.stringify(line)).type).toBe(line.type);
    }
  });

  it('keeps namespaced custom events whole', () => {
    const e = parseEventLine(JSON.stringify({ type: 'acme.deploy', ts, env: 'prod', ok: true }));
    expect(e).toEqual({ type: 'acme.deploy', ts, env: 'prod', ok: true });
  });

  it.each([
    ['not JSON', '{"type":"tool.call",', /not valid JSON/],
    ['an array', '[1,2]', /JSON object/],
    ['no type', JSON.stringify({ ts }), /no string `type`/],
    ['a bad time', JSON.stringify({ type: 'session.end', ts: 'yesterday' }), /session.end event is invalid \(ts:/],
    ['a negative token count', JSON.stringify({ type: 'api.response', ts, model: 'm', engine: 'e', tokens: { input: -1 } }), /tokens.input/],
    ['an unknown token bucket', JSON.stringify({ type: 'api.response', ts, model: 'm', engine: 'e', tokens: { cached: 1 } }), /tokens/],
    ['a bad decision', JSON.stringify({ type: 'tool.call', ts, name: 'x', success: true, decision: 'maybe' }), /decision/],
    ['an unknown type without a namespace', JSON.stringify({ type: 'deploy', ts }), /namespace/],
  ])('rejects %s with a message naming the problem', (_what, line, message) => {
    expect(() => parseEventLine(line)).toThrow(InvalidEventError);
    expect(() => parseEventLine(line)).toThrow(message);
  });
});
