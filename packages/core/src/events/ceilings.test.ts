import { appendFileSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, MAX_EDIT_LINES, MAX_PID, MAX_TOKENS } from '../ceilings.js';
import { InvalidEventError } from '../errors.js';
import { countPlugin, testHost } from '../testing/index.js';
import { parseEvent, parseEventLine } from './parse.js';

const TS = '2026-01-01T00:00:00Z';
const response = (tokens: Record<string, number>, extra: Record<string, unknown> = {}) => ({ type: 'api.response', ts: TS, model: 'm', engine: 'e', tokens, ...extra });
const edit = (added: number, removed: number) => ({ type: 'file.edit', ts: TS, path: 'a.ts', added, removed });

/** The message parseEvent throws for a value, or undefined when it accepts it. */
function rejection(value: unknown): string | undefined {
  try {
    parseEvent(value);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventError);
    return (error as Error).message;
  }
}

describe('event number ceilings', () => {
  it('take every token bucket up to a billion and refuse one more, 2^53 - 1, negatives and fractions', () => {
    for (const bucket of ['input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h', 'reasoning']) {
      expect(rejection(response({ [bucket]: MAX_TOKENS }))).toBeUndefined();
      expect(rejection(response({ [bucket]: MAX_TOKENS + 1 }))).toBe(
        `api.response event is invalid (tokens.${bucket}: above the ceiling of 1000000000 tokens: the value is corrupt)`,
      );
      expect(rejection(response({ [bucket]: Number.MAX_SAFE_INTEGER }))).toMatch(/above the ceiling/);
      expect(rejection(response({ [bucket]: -1 }))).toMatch(new RegExp(`tokens\\.${bucket}`));
      expect(rejection(response({ [bucket]: 1.5 }))).toMatch(new RegExp(`tokens\\.${bucket}`));
    }
  });

  it('take durations up to 30 days and refuse longer, negative or infinite ones (JSON 1e999 parses as Infinity)', () => {
    expect(MAX_DURATION_MS).toBe(2_592_000_000);
    for (const type of ['api.response', 'api.error', 'tool.call']) {
      const base = { type, ts: TS, model: 'm', engine: 'e', error: 'x', name: 't', success: true };
      expect(rejection({ ...base, durationMs: MAX_DURATION_MS })).toBeUndefined();
      expect(rejection({ ...base, durationMs: 12.5 })).toBeUndefined();
      expect(rejection({ ...base, durationMs: MAX_DURATION_MS + 1 })).toMatch(/durationMs: above the ceiling of 2592000000 ms/);
      expect(rejection({ ...base, durationMs: -1 })).toMatch(/durationMs/);
      expect(() => parseEventLine(JSON.stringify(base).replace(/}$/, ',"durationMs":1e999}'))).toThrow(/durationMs/);
    }
  });

  it('take edits up to a billion lines each way and refuse more', () => {
    expect(rejection(edit(MAX_EDIT_LINES, MAX_EDIT_LINES))).toBeUndefined();
    expect(rejection(edit(MAX_EDIT_LINES + 1, 0))).toMatch(/^file\.edit event is invalid \(added: above the ceiling of 1000000000 lines/);
    expect(rejection(edit(0, 2 ** 40))).toMatch(/removed: above the ceiling/);
    expect(rejection(edit(0, 2 ** 53))).toMatch(/removed/);
    expect(rejection(edit(0.5, 0))).toMatch(/added/);
  });

  it('take a 32-bit pid and refuse a larger one', () => {
    const start = (pid: number) => ({ type: 'session.start', ts: TS, sessionId: 's', workspace: '/w', pid });
    expect(rejection(start(MAX_PID))).toBeUndefined();
    expect(rejection(start(MAX_PID + 1))).toMatch(/pid: above the ceiling/);
  });

  it('are enforced when an event is recorded: a one-line error, and nothing reaches the journal', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    const journal = host.paths.journalFile(rec.sessionId);
    const before = readFileSync(journal, 'utf8');
    for (let i = 0; i < 3; i += 1) {
      expect(() => rec.record(response({ input: Number.MAX_SAFE_INTEGER }))).toThrow(InvalidEventError);
    }
    expect(() => rec.record(response({ input: Number.MAX_SAFE_INTEGER }))).toThrow(/^api\.response event is invalid \(tokens\.input: above the ceiling of 1000000000 tokens[^\n]*\)$/);
    expect(readFileSync(journal, 'utf8')).toBe(before);
  });

  it('skip an over-ceiling line a runtime appended by hand, with a warning naming it, and count it', async () => {
    const host = await testHost([countPlugin()]);
    const rec = await host.recorders.start();
    const journal = host.paths.journalFile(rec.sessionId);
    appendFileSync(journal, `${JSON.stringify(response({ input: Number.MAX_SAFE_INTEGER }))}\n`);
    rec.record(response({ input: 10 }));
    const report = await rec.end();
    expect(report.skippedLines).toBe(1);
    expect(report.sections.count).toMatchObject({ byType: { 'api.response': 1 } });
    expect(host.warnings.messages.join('\n')).toMatch(/line 2 skipped \(api\.response event is invalid \(tokens\.input: above the ceiling/);
  });
});
