import type { MetricPlugin } from '../plugin/contract.js';

/** Token buckets and requests of one model, as summed by the tally plugin. */
export interface TallyModel {
  requests: number;
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  cacheWrite1h: number;
  reasoning: number;
  /** Responses that carried a latency. */
  timed: number;
}

/** Section of the tally plugin: exact sums of the events, for importer and pipeline tests. */
export interface TallySection {
  /** By model. */
  models: Record<string, TallyModel>;
  /** Responses by subagent id (`main` for the main agent). */
  agents: Record<string, number>;
  tools: { calls: number; failed: number; timed: number; durationMs: number; byName: Record<string, number> };
  lines: { added: number; removed: number; edits: number };
}

const emptyModel = (): TallyModel => ({ requests: 0, input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0, reasoning: 0, timed: 0 });
const bucketKeys = ['input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h', 'reasoning'] as const;
const isTally = (v: unknown): v is TallySection => typeof v === 'object' && v !== null && 'models' in v && 'tools' in v && 'lines' in v;

/** A small real metric plugin that sums tokens per model, tool calls and changed lines exactly as the events say. */
export function tallyPlugin(id = 'tally'): MetricPlugin<TallySection> {
  return {
    id,
    apiVersion: 1,
    title: 'Tally',
    description: 'Sums tokens per model, tool calls and changed lines',
    section: { safeParse: (v: unknown) => (isTally(v) ? { success: true as const, data: v } : { success: false as const, error: { message: 'not a tally' } }) },
    createCollector: () => {
      const s: TallySection = { models: {}, agents: {}, tools: { calls: 0, failed: 0, timed: 0, durationMs: 0, byName: {} }, lines: { added: 0, removed: 0, edits: 0 } };
      return {
        add(e) {
          const ev = e as unknown as Record<string, unknown>;
          if (e.type === 'api.response') {
            const m = (s.models[ev.model as string] ??= emptyModel());
            m.requests += 1;
            const tokens = ev.tokens as Record<string, number>;
            for (const k of bucketKeys) m[k] += tokens[k] ?? 0;
            if (typeof ev.durationMs === 'number') m.timed += 1;
            const agent = (ev.agentId as string | undefined) ?? 'main';
            s.agents[agent] = (s.agents[agent] ?? 0) + 1;
          } else if (e.type === 'tool.call') {
            s.tools.calls += 1;
            if (ev.success === false) s.tools.failed += 1;
            if (typeof ev.durationMs === 'number') {
              s.tools.timed += 1;
              s.tools.durationMs += ev.durationMs;
            }
            s.tools.byName[ev.name as string] = (s.tools.byName[ev.name as string] ?? 0) + 1;
          } else if (e.type === 'file.edit') {
            s.lines.added += ev.added as number;
            s.lines.removed += ev.removed as number;
            s.lines.edits += 1;
          }
        },
        finish: () => s,
      };
    },
    merge: (all) => {
      const out: TallySection = { models: {}, agents: {}, tools: { calls: 0, failed: 0, timed: 0, durationMs: 0, byName: {} }, lines: { added: 0, removed: 0, edits: 0 } };
      for (const s of all) {
        for (const [name, m] of Object.entries(s.models)) {
          const o = (out.models[name] ??= emptyModel());
          for (const k of [...bucketKeys, 'requests', 'timed'] as const) o[k] += m[k];
        }
        for (const [a, n] of Object.entries(s.agents)) out.agents[a] = (out.agents[a] ?? 0) + n;
        for (const k of ['calls', 'failed', 'timed', 'durationMs'] as const) out.tools[k] += s.tools[k];
        for (const [t, n] of Object.entries(s.tools.byName)) out.tools.byName[t] = (out.tools.byName[t] ?? 0) + n;
        for (const k of ['added', 'removed', 'edits'] as const) out.lines[k] += s.lines[k];
      }
      return out;
    },
    report: {},
  };
}
