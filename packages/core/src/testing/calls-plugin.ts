import type { ToolCallEvent } from '../events/schema.js';
import type { MetricPlugin } from '../plugin/contract.js';
import { factBucket, type FactTable } from '../plugin/facts.js';

/** The fact table of `callsPlugin`: tool calls and their milliseconds per tool. */
export const callsTable: FactTable = {
  name: 'calls',
  description: 'Tool calls per tool',
  dimensions: [{ name: 'tool', type: 'text', description: 'Tool name' }],
  measures: [
    { name: 'calls', type: 'integer', description: 'Calls' },
    { name: 'ms', type: 'real', description: 'Milliseconds' },
  ],
};

/** A version 2 plugin counting tool calls per tool, with facts. */
export function callsPlugin(rows?: () => unknown): MetricPlugin<{ calls: number }> {
  return {
    id: 'calls',
    apiVersion: 2,
    title: 'Calls',
    description: 'Counts tool calls',
    section: { safeParse: (v) => ({ success: true as const, data: v as { calls: number } }) },
    createCollector: () => {
      const rowsByKey = new Map<string, { bucket: number; tool: string; calls: number; ms: number }>();
      let n = 0;
      return {
        add: (event) => {
          if (event.type !== 'tool.call') return;
          const e = event as ToolCallEvent;
          n += 1;
          const bucket = factBucket(e.ts);
          const key = `${bucket}\u0000${e.name}`;
          const row = rowsByKey.get(key) ?? { bucket, tool: e.name, calls: 0, ms: 0 };
          row.calls += 1;
          row.ms += e.durationMs ?? 0;
          rowsByKey.set(key, row);
        },
        finish: () => ({ calls: n }),
        facts: () => (rows ? (rows() as never) : { calls: [...rowsByKey.values()] }),
      };
    },
    facts: {
      tables: [callsTable],
      toSection: (summed) => ({ calls: summed['calls']!.reduce((s, r) => s + Number(r['calls']), 0) }),
    },
    merge: (all) => ({ calls: all.reduce((s, x) => s + x.calls, 0) }),
    report: {},
  };
}

