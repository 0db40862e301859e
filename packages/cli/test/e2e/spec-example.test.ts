import { beforeAll, describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { exampleWorkspace, freshCliHome, radOk, warningsOf } from '../helpers/rad.js';
import { expectSchema, jsonOutput } from '../helpers/schemas.js';

const A = '3c6ddcd3-85b6-48f1-88e1-f428ca458337';
const B = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';

/** The spec's example output of `rad stats session`, block by block. */
const SPEC_BLOCKS = [
  [
    'Interaction Summary',
    'Session ID:                 3c6ddcd3-85b6-48f1-88e1-f428ca458337',
    'Tool Calls:                 231 ( ✓ 214 x 17 )',
    'Success Rate:               92.6%',
    'Code Changes:               +505 -208',
  ],
  [
    'Performance',
    'Wall Time:                  4h 9m 54s',
    'Agent Active:               2h 53m 17s',
    '  » API Time:               1h 9m 42s (40.2%)',
    '  » Tool Time:              1h 43m 35s (59.8%)',
  ],
  [
    'Model Usage                  Reqs   Input Tokens  Output Tokens',
    '───────────────────────────────────────────────────────────────',
    'gemini-2.5-flash-lite          28         60,389          2,422',
    'gemini-3-pro-preview          168     31,056,954         44,268',
  ],
];

/** True when `lines` holds `block` as a contiguous run. */
function containsRun(lines: string[], block: string[]): boolean {
  return lines.some((_, start) => block.every((line, i) => lines[start + i] === line));
}

describe("the spec's example session (examples/workspace)", () => {
  let workspace: string;
  const env = freshCliHome();
  const run = (...args: string[]) => radOk([...args, '--workspace', workspace], { cwd: workspace, env });
  beforeAll(() => {
    workspace = exampleWorkspace();
  });

  it("prints the spec's example lines of `rad stats session` exactly", () => {
    const result = run('stats', 'session', '--session-id', A);
    const lines = result.stdout.split('\n');
    for (const block of SPEC_BLOCKS) expect(containsRun(lines, block), `missing, as a contiguous run:\n${block.join('\n')}\n\nin:\n${result.stdout}`).toBe(true);
    expect(warningsOf(result)).toEqual([]);
  });

  it('shows the most recent session by default, the same as by id', () => {
    expect(run('stats', 'session').stdout).toBe(run('stats', 'session', '--session-id', A).stdout);
  });

  it('matches the golden human output of every view', () => {
    expectGolden('example-session-a', run('stats', 'session', '--session-id', A).stdout);
    expectGolden('example-session-b', run('stats', 'session', '--session-id', B).stdout);
    expectGolden('example-model-all', run('stats', 'model').stdout);
    expectGolden('example-model-a', run('stats', 'model', '--session-id', A).stdout);
    expectGolden('example-engine-all', run('stats', 'engine').stdout);
    expectGolden('example-history', run('stats', 'history').stdout);
    expectGolden('example-compare', run('stats', 'compare', A, B).stdout);
  });

  it('prints JSON that validates against the published schemas', () => {
    const session = jsonOutput<{ sessionId: string; sections: Record<string, unknown> }>(run('stats', 'session', '--json').stdout, 'session.schema.json');
    expect(session.sessionId).toBe(A);
    expect(Object.keys(session.sections)).toEqual(expect.arrayContaining(['tools', 'git', 'timing', 'tokens', 'cache']));

    const history = jsonOutput<{ total: number; sessions: { sessionId: string }[] }>(run('stats', 'history', '--json').stdout, 'history.schema.json');
    expect(history).toMatchObject({ total: 2, offset: 0, limit: 10 });
    expect(history.sessions.map((s) => s.sessionId)).toEqual([A, B]);

    const compare = jsonOutput<{ rows: { section: string; label: string; a: number; b: number; delta: number; percent: number | null }[] }>(
      run('stats', 'compare', A, B, '--json').stdout,
      'compare.schema.json',
    );
    const tools = compare.rows.find((r) => r.section === 'Tool Calls' && r.label === 'Delta');
    expect(tools).toMatchObject({ a: 231, b: 145, delta: -86 });
    expect(tools!.percent).toBeCloseTo(-37.23, 2);

    expectSchema('model.schema.json', JSON.parse(run('stats', 'model', '--json').stdout));
    expectSchema('engine.schema.json', JSON.parse(run('stats', 'engine', '--session-id', B, '--json').stdout));

    const exported = jsonOutput<{ sessions: { sessionId: string }[] }>(run('stats', 'export').stdout, 'export.schema.json');
    expect(exported.sessions.map((s) => s.sessionId)).toEqual([A, B]);
  });
});
