import { sourceOf, type ActivePlugin, type HistoryCell, type SessionSummary, type TableBlock, type TableColumn } from '@radium-stats/core';
import { formatLocalTime } from '../filters/time-zone.js';
import { guardReport } from './guard.js';

/** Marks after a session's id: still recording, or its recorder stopped without ending it. */
export const STATUS_MARKS = { live: '●', abandoned: '✗' } as const;
/** Minimum width of a plugin's column, so short values still line up like the spec's table. */
const CELL_WIDTH = 16;

const isCell = (v: unknown): v is HistoryCell =>
  typeof v === 'object' && v !== null && typeof (v as HistoryCell).column === 'string' && typeof (v as HistoryCell).value === 'string';

/** Cells of one history row from every active plugin, keyed by column. */
function rowCells(summary: SessionSummary, plugins: readonly ActivePlugin[], warn: (message: string) => void): HistoryCell[] {
  const cells: HistoryCell[] = [];
  for (const { plugin } of plugins) {
    const section = summary.sections[plugin.id];
    const history = plugin.report.history;
    if (section === undefined || !history) continue;
    const out = guardReport(plugin.id, 'report.history', warn, () => history.call(plugin.report, section));
    if (out === undefined) continue;
    if (!Array.isArray(out) || !out.every(isCell)) {
      warn(`Plugin ${plugin.id} returned malformed history cells; they were left out.`);
      continue;
    }
    cells.push(...out);
  }
  return cells;
}

/** How history shows each session: the id to type, and the time zone of its start. */
export interface HistoryNames {
  /** Each session's shortest unique typeable id (see Catalog.typeableIds). */
  ids: ReadonlyMap<string, string>;
  zone: string;
}

/**
 * The `rad stats history` table: Session (the shortest unique start of the id a user types, with a
 * mark for live and abandoned sessions), Started (local date and time), Agent (or the source),
 * then every plugin's columns ordered by `order`.
 */
export function historyTable(items: readonly SessionSummary[], plugins: readonly ActivePlugin[], names: HistoryNames, warn: (message: string) => void): TableBlock {
  const rows = items.map((summary) => ({ summary, cells: rowCells(summary, plugins, warn) }));
  const columns = new Map<string, HistoryCell>();
  for (const { cells } of rows) {
    for (const cell of cells) {
      const known = columns.get(cell.column);
      if (!known || (cell.order ?? Number.MAX_SAFE_INTEGER) < (known.order ?? Number.MAX_SAFE_INTEGER)) columns.set(cell.column, cell);
    }
  }
  const shown = [...columns.values()].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  const mark = (status: string) => (status === 'live' || status === 'abandoned' ? ` ${STATUS_MARKS[status]}` : '');
  return {
    kind: 'table',
    title: 'Recent Session Summaries',
    columns: [
      { header: 'Session' },
      { header: 'Started', drop: 3 },
      { header: 'Agent', drop: 1 },
      ...shown.map((cell): TableColumn => ({ header: cell.column, width: CELL_WIDTH, ...(cell.short ? { short: cell.short } : {}), ...(cell.drop !== undefined ? { drop: cell.drop } : {}) })),
    ],
    rows: rows.map(({ summary, cells }) => [
      `${names.ids.get(summary.sessionId) ?? summary.sessionId}${mark(summary.status)}`,
      formatLocalTime(Date.parse(summary.startTime), names.zone),
      summary.agent ?? sourceOf(summary.source),
      ...shown.map(({ column }) => cells.find((c) => c.column === column)?.value ?? 'n/a'),
    ]),
  };
}

/** The legend of the marks in these rows, or undefined when none has one. */
export function statusLegend(items: readonly SessionSummary[]): string | undefined {
  const parts: string[] = [];
  if (items.some((s) => s.status === 'live')) parts.push(`${STATUS_MARKS.live} live (still recording)`);
  if (items.some((s) => s.status === 'abandoned')) parts.push(`${STATUS_MARKS.abandoned} abandoned (its recorder stopped without ending it)`);
  return parts.length ? parts.join(', ') : undefined;
}
