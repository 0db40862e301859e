import { describe, expect, it } from 'vitest';
import { withoutSections } from './skip-sections.js';

const report = {
  schemaVersion: 1,
  sessionId: 's1',
  sections: { tools: { calls: 2, tools: [{ name: '\n  }', calls: 1 }, { name: 'x"}', calls: 1 }] }, tokens: { models: {} } },
  eventCount: 3,
  facts: { tools: { tool_calls: [{ bucket: 0, tool: 'Bash', calls: 2 }] } },
  workspace: '/w',
};

describe('withoutSections', () => {
  it('cuts the sections of a two-space report and keeps every other key', () => {
    const cut = withoutSections(`${JSON.stringify(report, null, 2)}\n`)!;
    expect(JSON.parse(cut.text)).toEqual({ ...report, sections: {} });
    expect(cut.had('tools')).toBe(true);
    expect(cut.had('tokens')).toBe(true);
    expect(cut.had('git')).toBe(false);
  });

  it('cuts sections that are the last key', () => {
    const { sections, ...rest } = report;
    const cut = withoutSections(JSON.stringify({ ...rest, sections }, null, 2))!;
    expect(JSON.parse(cut.text)).toEqual({ ...rest, sections: {} });
  });

  it('does not find a section by a deeper key of the same name', () => {
    const cut = withoutSections(JSON.stringify({ ...report, sections: { tools: { git: 1 } } }, null, 2))!;
    expect(cut.had('git')).toBe(false);
  });

  it('leaves other layouts to a whole parse', () => {
    expect(withoutSections(JSON.stringify(report))).toBeUndefined();
    expect(withoutSections(JSON.stringify(report, null, 4))).toBeUndefined();
    expect(withoutSections(JSON.stringify({ ...report, sections: {} }, null, 2))).toBeUndefined();
    expect(withoutSections(JSON.stringify({ schemaVersion: 1 }, null, 2))).toBeUndefined();
  });
});
