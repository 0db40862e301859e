import { escapeTerminal } from '@radium-stats/core';
import { plainStyle, type OutputStyle } from './style.js';

/** A column of a rendered table. */
export interface Column {
  header: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** Minimum width, gap included. */
  width?: number;
}

/** What `renderTable` draws: header, a rule, rows, and optionally a rule and footer rows. */
export interface Table {
  columns: Column[];
  rows: string[][];
  footer?: string[][];
}

/** Gap every column keeps beside its longest cell. */
const GAP = 2;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/**
 * Draws a table the way the spec shows them: every cell padded to its column's width (the larger of
 * the column's minimum and its longest cell plus two), a `─` rule as wide as the table under the
 * header and before a footer. Cells are escaped here, so plugins' strings cannot move the cursor.
 */
export function renderTable(table: Table, style: OutputStyle = plainStyle): string[] {
  const clean = (rows: string[][] = []) => rows.map((row) => table.columns.map((_, i) => escapeTerminal(row[i] ?? '')));
  const header = table.columns.map((c) => escapeTerminal(c.header));
  const body = clean(table.rows);
  const footer = clean(table.footer);
  const widths = table.columns.map((column, i) =>
    Math.max(column.width ?? 0, ...[header, ...body, ...footer].map((row) => (row[i] ?? '').length + GAP)),
  );
  const total = widths.reduce((sum, w) => sum + w, 0);
  const line = (row: string[]) =>
    row.map((cell, i) => pad(cell, widths[i]!, table.columns[i]!.align ?? 'left')).join('').trimEnd();
  const rule = '─'.repeat(total);
  const out = [style.heading(line(header)), rule, ...body.map(line)];
  if (footer.length > 0) out.push(rule, ...footer.map(line));
  return out;
}
