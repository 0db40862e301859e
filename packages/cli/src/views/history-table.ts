import { shortenId, type ActivePlugin, type HistoryCell, type SessionSummary, type TableBlock } from '@radium-stats/core';
import { guardReport } from './guard.js';

/** Width of the Session ID column: a shortened id (26 characters) and a gap, as in the spec. */
const ID_WIDTH = 29;
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

/** The `rad stats history` table: Session ID, then every plugin's columns ordered by `order`. */
export function historyTable(items: readonly SessionSummary[], plugins: readonly ActivePlugin[], warn: (message: string) => void): TableBlock {
  const rows = items.map((summary) => ({ summary, cells: rowCells(summary, plugins, warn) }));
  const columns = new Map<string, number>();
  for (const { cells } of rows) {
    for (const cell of cells) columns.set(cell.column, Math.min(columns.get(cell.column) ?? Infinity, cell.order ?? Number.MAX_SAFE_INTEGER));
  }
  const names = [...columns.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
  return {
    kind: 'table',
    title: 'Recent Session Summaries',
    columns: [{ header: 'Session ID', width: ID_WIDTH }, ...names.map((header) => ({ header, width: CELL_WIDTH }))],
    rows: rows.map(({ summary, cells }) => [
      shortenId(summary.sessionId),
      ...names.map((name) => cells.find((c) => c.column === name)?.value ?? 'n/a'),
    ]),
  };
}
