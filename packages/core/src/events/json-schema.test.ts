import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// The published schemas are what runtimes in other languages validate against; they must agree with zod.
const schemaDir = new URL('../../schema/', import.meta.url);
const load = (name: string): object => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);

describe('published JSON Schemas', () => {
  const validateEvent = ajv.compile(load('event.schema.json'));

  it('accept every line of the bundled example journals', () => {
    const dir = new URL('../../../../examples/workspace/.radium/_internals/sessions/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.events.jsonl'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const line of readFileSync(new URL(file, dir), 'utf8').trim().split('\n')) {
        expect(validateEvent(JSON.parse(line)), `${file}: ${line}`).toBe(true);
      }
    }
  });

  it('reject what zod rejects', () => {
    expect(validateEvent({ type: 'api.response', ts: '2026-01-01T00:00:00Z', model: 'm', engine: 'e', tokens: { input: -1 } })).toBe(false);
    expect(validateEvent({ type: 'tool.call', ts: 'yesterday', name: 'x', success: true })).toBe(false);
    expect(validateEvent({ type: 'deploy', ts: '2026-01-01T00:00:00Z' })).toBe(false);
    expect(validateEvent({ type: 'acme.deploy', ts: '2026-01-01T00:00:00Z', env: 'prod' })).toBe(true);
    const start = { type: 'session.start', ts: '2026-01-01T00:00:00Z', sessionId: 's', workspace: '/w', pid: 42, host: 'h' };
    expect(validateEvent({ ...start, pidStartedAt: '2026-01-01T00:00:00.250Z' })).toBe(true);
    expect(validateEvent({ ...start, pidStartedAt: 'at boot' })).toBe(false);
  });

  it('describe report files and config', () => {
    const validateReport = ajv.compile(load('session-report.schema.json'));
    const validateConfig = ajv.compile(load('config.schema.json'));
    expect(validateConfig({ collectors: { git: { enabled: false } }, prices: { overrides: { m: { input: 1, output: 2 } } } })).toBe(true);
    expect(validateConfig({ collectors: { git: { enabled: 'no' } } })).toBe(false);
    expect(
      validateReport({
        schemaVersion: 1, sessionId: 's', startTime: '2026-01-01T00:00:00.000Z', endTime: null, status: 'live',
        source: 'journal', generatedAt: '2026-01-01T00:00:01.000Z', plugins: [], sections: {},
      }),
    ).toBe(true);
    expect(validateReport({ schemaVersion: 2, sessionId: 's' })).toBe(false);
  });
});
