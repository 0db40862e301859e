import type { ActivePlugin, CompareRow, CompareUnit, SessionReport } from '@radium-stats/core';
import { guardReport } from './guard.js';

const UNITS: readonly CompareUnit[] = ['count', 'tokens', 'usd', 'duration', 'ratio', 'lines'];

/** One compared quantity with its difference worked out. */
export interface ComparedRow {
  section: string;
  label: string;
  unit: CompareUnit;
  a: number | null;
  b: number | null;
  /** `b - a`, or null when either is not known. */
  delta: number | null;
  /** `delta` as a percentage of `a`; null when `a` is 0 or either value is not known (never a made-up number). */
  percent: number | null;
  detail?: { a: string; b: string };
}

/** A plugin that was not compared, and why. */
export interface SkippedPlugin {
  plugin: string;
  reason: string;
}

/** `rad stats compare A B`. */
export interface Comparison {
  a: string;
  b: string;
  rows: ComparedRow[];
  skipped: SkippedPlugin[];
}

const isValue = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));

function isRow(v: unknown): v is CompareRow {
  const r = v as CompareRow;
  return (
    typeof v === 'object' && v !== null && typeof r.section === 'string' && typeof r.label === 'string' &&
    UNITS.includes(r.unit) && isValue(r.a) && isValue(r.b) &&
    (r.detail === undefined || (typeof r.detail?.a === 'string' && typeof r.detail?.b === 'string'))
  );
}

/** Difference and percentage change from a to b. */
export function difference(a: number | null, b: number | null): { delta: number | null; percent: number | null } {
  if (a === null || b === null) return { delta: null, percent: null };
  const delta = b - a;
  return { delta, percent: a === 0 ? null : (delta / Math.abs(a)) * 100 };
}

/** Rows of every plugin that has a section in both sessions, grouped by section and ordered. */
export function compareReports(a: SessionReport, b: SessionReport, plugins: readonly ActivePlugin[], warn: (message: string) => void): Comparison {
  const rows: (CompareRow & { rank: number })[] = [];
  const skipped: SkippedPlugin[] = [];
  plugins.forEach(({ plugin }, rank) => {
    const compare = plugin.report.compare;
    if (!compare) return;
    const inA = a.sections[plugin.id] !== undefined;
    const inB = b.sections[plugin.id] !== undefined;
    if (!inA || !inB) {
      const missing = !inA && !inB ? 'either session' : !inA ? 'session A' : 'session B';
      skipped.push({ plugin: plugin.id, reason: `not measured in ${missing}` });
      return;
    }
    const out = guardReport(plugin.id, 'report.compare', warn, () => compare.call(plugin.report, a.sections[plugin.id], b.sections[plugin.id]));
    if (out === undefined) return;
    if (!Array.isArray(out)) return warn(`Plugin ${plugin.id} returned no list from report.compare; its rows are left out.`);
    const good = out.filter(isRow);
    if (good.length < out.length) warn(`Plugin ${plugin.id} returned a malformed compare row; it was left out.`);
    rows.push(...good.map((row) => ({ ...row, rank })));
  });
  // A section sits where its lowest order puts it; ties keep plugin order, rows keep their own order.
  const sectionOrder = new Map<string, number>();
  for (const row of rows) sectionOrder.set(row.section, Math.min(sectionOrder.get(row.section) ?? Infinity, row.order ?? Number.MAX_SAFE_INTEGER));
  const firstRank = new Map<string, number>();
  for (const row of rows) if (!firstRank.has(row.section)) firstRank.set(row.section, row.rank);
  const key = (row: CompareRow) => [sectionOrder.get(row.section)!, firstRank.get(row.section)!] as const;
  rows.sort((x, y) => key(x)[0] - key(y)[0] || key(x)[1] - key(y)[1] || (x.section < y.section ? -1 : x.section > y.section ? 1 : 0));
  return {
    a: a.sessionId,
    b: b.sessionId,
    rows: rows.map(({ section, label, unit, a: va, b: vb, detail }) => ({
      section,
      label,
      unit,
      a: va,
      b: vb,
      ...difference(va, vb),
      ...(detail ? { detail: { a: detail.a, b: detail.b } } : {}),
    })),
    skipped,
  };
}
