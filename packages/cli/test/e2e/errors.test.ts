import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempWorkspace } from '@radium-stats/core/testing';
import { exampleWorkspace, freshCliHome, rad, type RadResult } from '../helpers/rad.js';
import { jsonOutput } from '../helpers/schemas.js';

const env = freshCliHome();
const A = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';

/** Asserts a failed run printed exactly one `Error: …` line (no stack) and exited with `code`. */
function expectError(result: RadResult, code: number, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(code);
  const errors = result.stderr.split('\n').filter((line) => line.startsWith('Error: '));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

/** Asserts the `--json` form of a failure: the error object on stdout, per error.schema.json. */
function expectJsonError(result: RadResult, code: number, pattern: RegExp): void {
  expect(result.status, result.stderr).toBe(code);
  const { error } = jsonOutput<{ error: { name: string; message: string } }>(result.stdout, 'error.schema.json');
  expect(error.message).toMatch(pattern);
}

describe('outside a workspace', () => {
  const cwd = tempDir();
  const commands = [['stats', 'session'], ['stats', 'model'], ['stats', 'engine'], ['stats', 'history'], ['stats', 'compare', 'a', 'b'], ['stats', 'export'], ['session', 'start'], ['session', 'end']];
  it.each(commands)('%s %s points to `rad init`', (...args) => {
    expectError(rad(args, { cwd, env }), 1, /^Error: No Radium workspace found at or above .*: run `rad init` to create one/);
  });
  it('says the same as JSON with --json', () => {
    expectJsonError(rad(['stats', 'session', '--json'], { cwd, env }), 1, /run `rad init`/);
  });
  it('names a --workspace folder that is not a workspace', () => {
    expectError(rad(['stats', 'history', '--workspace', cwd], { cwd: tempDir(), env }), 1, new RegExp(`No Radium workspace found at or above ${cwd}`));
  });
});

describe('in an empty workspace', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await tempWorkspace();
  });
  it('history says "No session history found"', () => {
    expectError(rad(['stats', 'history'], { cwd, env }), 1, /^Error: No session history found in /);
  });
  it.each([['session'], ['model'], ['engine'], ['export']])('stats %s says "No sessions found"', (command) => {
    expectError(rad(['stats', command], { cwd, env }), 1, /^Error: No sessions found in /);
  });
  it('session end has no live session to end', () => {
    expectError(rad(['session', 'end'], { cwd, env }), 1, /^Error: No live session found: pass --session-id/);
  });
});

describe('with sessions', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = exampleWorkspace();
  });
  it.each([
    ['stats', 'session', '--session-id', 'no-such-session'],
    ['stats', 'model', '--session-id', 'no-such-session'],
    ['stats', 'engine', '--session-id', 'no-such-session'],
    ['stats', 'compare', A, 'no-such-session'],
    ['stats', 'export', '--session-id', 'no-such-session'],
    ['session', 'end', '--session-id', 'no-such-session'],
  ])('an unknown id is named and `rad stats history` suggested: %s %s', (...args) => {
    expectError(rad(args, { cwd, env }), 1, /^Error: No session found with id "no-such-session": run `rad stats history` to list sessions\.$/);
  });
  it('an unknown id with --json is a JSON error', () => {
    expectJsonError(rad(['stats', 'session', '--session-id', 'no-such-session', '--json'], { cwd, env }), 1, /no-such-session/);
  });
  it('refuses an id that could name a path', () => {
    expectError(rad(['stats', 'session', '--session-id', '../etc/passwd'], { cwd, env }), 1, /^Error: Invalid session id "\.\.\/etc\/passwd"/);
  });
  it('refuses --limit over 100, naming the maximum, with a usage exit code', () => {
    expectError(rad(['stats', 'history', '--limit', '101'], { cwd, env }), 2, /^Error: --limit can be at most 100 \(got 101\)/);
    expectJsonError(rad(['stats', 'history', '--limit', '101', '--json'], { cwd, env }), 2, /at most 100/);
  });
  it('refuses --limit 0', () => {
    expectError(rad(['stats', 'history', '--limit', '0'], { cwd, env }), 2, /--limit must be at least 1/);
  });
  it('refuses to overwrite an export file without --force', () => {
    const file = path.join(tempDir(), 'data.json');
    writeFileSync(file, 'keep me');
    expectError(rad(['stats', 'export', '--output', file], { cwd, env }), 1, new RegExp(`${file} already exists: pass --force`));
  });
  it('refuses to end a session that has ended', () => {
    expectError(rad(['session', 'end', '--session-id', A], { cwd, env }), 1, /has already ended/);
  });
  it('reports a broken config file in one line', () => {
    const ws = exampleWorkspace();
    writeFileSync(path.join(ws, '.radium', 'stats.config.json'), '{ "collectors": { "tools": { "enabled": "no" } } }');
    expectError(rad(['stats', 'session'], { cwd: ws, env }), 1, /stats\.config\.json: bad value at `collectors\.tools\.enabled`/);
  });
});

describe('usage errors', () => {
  const cwd = tempDir();
  /** A usage error is its one `Error: …` line and nothing else: no help, no usage block. */
  const expectUsageError = (args: string[], line: string) => {
    const result = rad(args, { cwd, env });
    expectError(result, 2, /^Error: /);
    expect(result.stderr).toBe(`Error: ${line}\n`);
  };

  it('an unknown flag exits 2, and with --json prints the documented error shape rather than oclif internals', () => {
    expectUsageError(['stats', 'session', '--bogus'], 'Unknown flag --bogus. See `rad stats session --help`.');
    const result = rad(['stats', 'session', '--bogus', '--json'], { cwd, env });
    expectJsonError(result, 2, /^Unknown flag --bogus\. See `rad stats session --help`\.$/);
    expect(Object.keys(JSON.parse(result.stdout).error)).toEqual(['name', 'message', 'exitCode']);
  });
  it('a mistyped flag is named with the flag it was likely meant to be', () => {
    expectUsageError(['stats', 'model', '--sesion-id', 'abcd'], 'Unknown flag --sesion-id: did you mean --session-id? See `rad stats model --help`.');
  });
  it('a flag value of the wrong kind names the flag, in one line', () => {
    expectUsageError(['stats', 'history', '--limit', 'abc'], '--limit: expected an integer but received: abc. See `rad stats history --help`.');
    expectUsageError(['stats', 'history', '--limit'], 'Flag --limit expects a value. See `rad stats history --help`.');
  });
  it('a missing argument is named, in one line, instead of the whole help', () => {
    expectUsageError(['stats', 'compare', 'abcd'], 'Missing required argument B. See `rad stats compare --help`.');
    expectUsageError(['stats', 'compare'], 'Missing required arguments A and B. See `rad stats compare --help`.');
    expectJsonError(rad(['stats', 'compare', '--json'], { cwd, env }), 2, /^Missing required arguments A and B\./);
  });
  it('an argument a command does not take is named', () => {
    expectUsageError(['stats', 'compare', 'a', 'b', 'c'], 'Unexpected argument "c". See `rad stats compare --help`.');
    expectUsageError(['stats', 'session', 'extra'], 'Unexpected argument "extra". See `rad stats session --help`.');
  });
  it('a mistyped command suggests the command it was likely meant to be', () => {
    expectUsageError(['stats', 'sesion'], 'Unknown command "stats sesion": did you mean `rad stats session`? See `rad stats --help`.');
    expectUsageError(['stast', 'history', '--limit', '5'], 'Unknown command "stast history": did you mean `rad stats history`? See `rad --help`.');
    expectUsageError(['stast'], 'Unknown command "stast": did you mean `rad stats`? See `rad --help`.');
  });
  it('an unknown command with no likely match points to the help', () => {
    expectUsageError(['stats', 'frobnicate'], 'Unknown command "stats frobnicate". See `rad stats --help`.');
    expectUsageError(['frobnicate'], 'Unknown command "frobnicate". See `rad --help`.');
  });
  it('an unknown command with --json prints the documented error shape', () => {
    const result = rad(['stats', 'sesion', '--json'], { cwd, env });
    expectJsonError(result, 2, /^Unknown command "stats sesion": did you mean `rad stats session`\?/);
    expect(JSON.parse(result.stdout).error).toMatchObject({ name: 'UsageError', exitCode: 2 });
    expect(result.stderr).toBe('');
  });
});

describe('rad session record', () => {
  let cwd: string;
  let id: string;
  beforeAll(async () => {
    cwd = await tempWorkspace();
    id = rad(['session', 'start'], { cwd, env }).stdout.trim();
  });
  it('rejects an event that breaks the protocol, in one line, and records nothing', () => {
    expectError(rad(['session', 'record', '--session-id', id, '{"type":"tool.call","success":true}'], { cwd, env }), 1, /^Error: tool\.call event is invalid \(name: /);
    expectError(rad(['session', 'record', '--session-id', id, 'not json'], { cwd, env }), 1, /^Error: not valid JSON/);
  });
  it('names the bad line of piped events and records none of them', () => {
    const input = '{"type":"tool.call","name":"a","success":true}\n{"type":"bad type"}\n';
    expectError(rad(['session', 'record', '--session-id', id], { cwd, env, input }), 1, /^Error: line 2: /);
    const json = jsonOutput<{ sections: { tools: { calls: number } } }>(rad(['stats', 'session', '--session-id', id, '--json'], { cwd, env }).stdout, 'session.schema.json');
    expect(json.sections.tools.calls).toBe(0);
  });
  it('refuses session.end as an event', () => {
    expectError(rad(['session', 'record', '--session-id', id, '{"type":"session.end"}'], { cwd, env }), 1, /session\.end is written by `rad session start` and `rad session end`/);
  });
});
