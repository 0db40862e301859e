import { describe, expect, it } from 'vitest';
import { compareTools, toolsHistory } from './report.js';
import { toolsSection } from '../test/fixtures.js';

const a = toolsSection({ calls: 231, succeeded: 214, failed: 17 });
const b = toolsSection({ calls: 145, succeeded: 138, failed: 7 });

describe('tools compare and history', () => {
  it("gives the spec's Tool Calls section: both counts, the delta, then the success rates", () => {
    const rows = compareTools(a, b);
    expect(rows[0]).toEqual({ section: 'Tool Calls', label: 'Delta', unit: 'count', a: 231, b: 145, detail: { a: '231', b: '145' }, order: 40 });
    expect(rows[1]).toMatchObject({ section: 'Tool Calls', label: 'Success Rate', unit: 'ratio', order: 40 });
    expect(rows[1]!.a).toBeCloseTo(214 / 231, 12);
    expect(rows[1]!.b).toBeCloseTo(138 / 145, 12);
  });

  it('compares unknown values as null, never as 0', () => {
    const unknown = toolsSection({ calls: null, callsReason: 'not recorded by the original Radium', unrecordedSessions: 1 });
    const rows = compareTools(unknown, toolsSection());
    expect(rows[0]).toMatchObject({ a: null, b: 0, detail: { a: 'n/a (not recorded by the original Radium)', b: '0' } });
    expect(rows[1]).toMatchObject({ a: null, b: null });
  });

  it('fills the Tool Calls and Success Rate history columns', () => {
    expect(toolsHistory(a)).toEqual([
      { column: 'Tool Calls', short: 'Calls', value: '231', order: 20 },
      { column: 'Success Rate', short: 'Success', value: '92.6%', order: 30, drop: 2 },
    ]);
    expect(toolsHistory(toolsSection())[1]!.value).toBe('n/a (no tool calls)');
  });
});
