import { escapeTerminal } from '@radium-stats/core';
import { Shortener } from './shorten.js';
import { plainStyle, type OutputStyle } from './style.js';

/** A column of a rendered table. */
export interface Column {
  header: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** Width, gap included; a longer cell widens the column to its length plus a gap. */
  width?: number;
}

/** What `renderTable` draws: header, a rule, rows, and optionally a rule and footer rows. */
export interface Table {
  columns: Column[];
  rows: string[][];
  footer?: string[][];
}

/** Gap a column gets beside a cell that did not fit its width, and before a left-aligned column that follows a right-aligned one. */
const GAP = 2;

function pad(text: string, width: number, align: 'left' | 'right'): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/**
 * Draws a table the way the spec shows them: every cell padded to its column's width (the width a
 * plugin gave includes the gap; a longer cell widens the column to its length plus two), two spaces
 * before a left-aligned column that follows a right-aligned one (`Cached Tokens  Cost`), and a `─`
 * rule as wide as the table under the header and before a footer. Cells are shortened (see
 * `Shortener`; pass one to learn what was cut) and escaped here, so plugins' strings cannot move the
 * cursor or stretch every row.
 */
export function renderTable(table: Table, style: OutputStyle = plainStyle, shortener: Shortener = new Shortener()): string[] {
  const place = table.columns.map((c) => `the ${c.header} column`);
  const clean = (rows: string[][] = []) => rows.map((row) => table.columns.map((_, i) => escapeTerminal(shortener.name(row[i] ?? '', place[i]!))));
  const header = table.columns.map((c) => escapeTerminal(shortener.name(c.header, 'a column header')));
  const body = clean(table.rows);
  const footer = clean(table.footer);
  const widths = table.columns.map((column, i) => {
    const longest = Math.max(...[header, ...body, ...footer].map((row) => (row[i] ?? '').length));
    return longest > (column.width ?? 0) ? longest + GAP : column.width!;
  });
  const align = table.columns.map((c) => c.align ?? 'left');
  const lead = align.map((a, i) => (i > 0 && a === 'left' && align[i - 1] === 'right' ? ' '.repeat(GAP) : ''));
  const total = widths.reduce((sum, w, i) => sum + w + lead[i]!.length, 0);
  const line = (row: string[]) => row.map((cell, i) => lead[i] + pad(cell, widths[i]!, align[i]!)).join('').trimEnd();
  const rule = '─'.repeat(total);
  const out = [style.heading(line(header)), rule, ...body.map(line)];
  if (footer.length > 0) out.push(rule, ...footer.map(line));
  return out;
}
