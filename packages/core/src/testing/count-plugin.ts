import type { MetricPlugin } from '../plugin/contract.js';
import type { LegacyMetrics } from '../report/legacy-schema.js';

/** Section of the counting plugin used by core's own tests. */
export interface CountSection {
  /** Events seen, by type. */
  byType: Record<string, number>;
}

const isCountSection = (v: unknown): v is CountSection =>
  typeof v === 'object' && v !== null && typeof (v as CountSection).byType === 'object' && (v as CountSection).byType !== null;

/** A small real metric plugin that counts events by type; `id` lets tests make several. */
export function countPlugin(id = 'count'): MetricPlugin<CountSection> {
  return {
    id,
    apiVersion: 1,
    title: `Count (${id})`,
    description: 'Counts events by type',
    section: {
      safeParse: (v: unknown) =>
        isCountSection(v) ? { success: true as const, data: v } : { success: false as const, error: { message: 'byType: expected an object' } },
    },
    createCollector: () => {
      const byType: Record<string, number> = {};
      return { add: (e) => void (byType[e.type] = (byType[e.type] ?? 0) + 1), finish: () => ({ byType }) };
    },
    merge: (all) => {
      const byType: Record<string, number> = {};
      for (const s of all) for (const [k, n] of Object.entries(s.byType)) byType[k] = (byType[k] ?? 0) + n;
      return { byType };
    },
    fromLegacy: (m: LegacyMetrics) => ({ byType: { 'legacy.tool_calls': m.tool_calls } }),
    report: {
      session: (s) => [{ kind: 'fields', title: 'Counts', order: 90, rows: Object.entries(s.byType).map(([label, n]) => ({ label, value: String(n) })) }],
    },
  };
}
