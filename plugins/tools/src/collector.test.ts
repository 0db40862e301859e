import { events } from '@radium-stats/core/testing';
import { describe, expect, it } from 'vitest';
import { createToolsCollector } from './collector.js';
import type { ToolsSection } from './section.js';

const info = { startTime: '2026-05-01T09:00:00.000Z', endTime: '2026-05-01T10:00:00.000Z', status: 'ended' as const, now: '2026-05-01T10:00:00.000Z' };

function fold(...inputs: Record<string, unknown>[]): ToolsSection {
  const c = createToolsCollector();
  for (const e of events(...inputs)) c.add(e);
  return c.finish(info) as ToolsSection;
}

const call = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'tool.call', ts: '2026-05-01T09:10:00.000Z', name, success: true, ...extra });

describe('tools collector', () => {
  it('reports zero calls as zero, with zero time known and no decisions', () => {
    const s = fold({ type: 'api.response', ts: '2026-05-01T09:01:00Z', model: 'm', engine: 'e', durationMs: 10 });
    expect(s).toMatchObject({ calls: 0, succeeded: 0, failed: 0, timedCalls: 0, totalDurationMs: 0, durationReason: null, tools: [] });
    expect(s.decisions).toEqual({ accept: 0, reject: 0, modify: 0, autoAccept: 0 });
  });

  it('counts calls, outcomes and durations per tool, most calls first then by name', () => {
    const s = fold(
      call('Read', { durationMs: 100 }),
      call('Edit', { durationMs: 300, success: false, error: 'no match' }),
      call('Bash', { durationMs: 2000 }),
      call('Edit', { durationMs: 500 }),
      call('Bash', { durationMs: 1000, success: false }),
    );
    expect(s.tools.map((t) => t.name)).toEqual(['Bash', 'Edit', 'Read']);
    expect(s.tools[0]).toEqual({ name: 'Bash', calls: 2, succeeded: 1, failed: 1, timedCalls: 2, totalDurationMs: 3000 });
    expect(s).toMatchObject({ calls: 5, succeeded: 3, failed: 2, timedCalls: 5, totalDurationMs: 3900 });
  });

  it('keeps untimed calls out of the durations and says so when no call was timed', () => {
    const partial = fold(call('Read', { durationMs: 100 }), call('Read'));
    expect(partial.tools[0]).toMatchObject({ calls: 2, timedCalls: 1, totalDurationMs: 100 });
    const none = fold(call('Read'), call('Edit'));
    expect(none).toMatchObject({ calls: 2, timedCalls: 0, totalDurationMs: null, durationReason: 'tool durations not recorded by the source' });
    expect(none.tools[0]!.totalDurationMs).toBeNull();
  });

  it('counts each kind of decision', () => {
    const s = fold(
      call('Edit', { decision: 'accept' }),
      call('Edit', { decision: 'auto_accept' }),
      call('Edit', { decision: 'reject', success: false }),
      call('Edit', { decision: 'modify' }),
      call('Edit', { decision: 'accept' }),
      call('Edit'),
    );
    expect(s.decisions).toEqual({ accept: 2, reject: 1, modify: 1, autoAccept: 1 });
  });

  it('treats tool names like __proto__ as ordinary names', () => {
    const s = fold(call('__proto__', { durationMs: 1 }), call('constructor'));
    expect(s.tools.map((t) => t.name).sort()).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(s)).tools[0].name).toBeDefined();
  });
});
