import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_NAME_CHARS, MAX_PATH_CHARS } from './bounds.js';
import { parseEvent, parseEventLine } from './parse.js';

const ts = '2026-05-01T09:00:09.000Z';
const MB = 1 << 20;

describe('stored length of names, paths and messages', () => {
  it('cuts an over-long model and engine to the name maximum instead of losing the response and its tokens', () => {
    const cuts: [string, number][] = [];
    const e = parseEvent({ type: 'api.response', ts, model: 'm'.repeat(MB), engine: 'e'.repeat(MB), tokens: { input: 7 } }, (field, length) => cuts.push([field, length]));
    expect(e).toMatchObject({ tokens: { input: 7 } });
    const { model, engine } = e as { model: string; engine: string };
    expect(model).toHaveLength(MAX_NAME_CHARS);
    expect(model).toMatch(/^m+…\(1048576 chars\)$/);
    expect(engine).toMatch(/^e+…\(1048576 chars\)$/);
    expect(cuts).toEqual([['model', MB], ['engine', MB]]);
  });

  it('cuts tool names, agents, paths and error messages to their maxima', () => {
    const tool = parseEventLine(JSON.stringify({ type: 'tool.call', ts, name: 't'.repeat(MB), success: false, error: 'x'.repeat(MB) })) as { name: string; error: string };
    expect(tool.name).toHaveLength(MAX_NAME_CHARS);
    expect(tool.error).toHaveLength(MAX_MESSAGE_CHARS);
    const edit = parseEvent({ type: 'file.edit', ts, path: 'p'.repeat(MB), added: 1, removed: 0 }) as { path: string };
    expect(edit.path).toHaveLength(MAX_PATH_CHARS);
    const start = parseEvent({ type: 'session.start', ts, sessionId: 's', workspace: '/w', agent: 'a'.repeat(MB) }) as { agent: string };
    expect(start.agent).toHaveLength(MAX_NAME_CHARS);
  });

  it('keeps names at the maximum whole and reports no cut', () => {
    const cuts: string[] = [];
    const name = 'n'.repeat(MAX_NAME_CHARS);
    expect(parseEvent({ type: 'tool.call', ts, name, success: true }, (field) => cuts.push(field))).toMatchObject({ name });
    expect(cuts).toEqual([]);
  });
});
