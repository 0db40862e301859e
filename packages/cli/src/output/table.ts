import { escapeTerminal } from '@radium-stats/core';
import { SHOWN_NAME_CHARS, Shortener } from './shorten.js';
import { compactCell } from './compact-number.js';
import { plainStyle, type OutputStyle } from './style.js';

/** A column of a rendered table. */
export interface Column {
  header: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** Width, gap included; a longer cell widens the column to its length plus a gap. */
  width?: number;
  /** A shorter header for a narrow terminal (`Input` for `Input Tokens`). */
  short?: string;
  /** Left out when a narrow terminal has no room for it, lowest first; a column without it always stays. */
  drop?: number;
}

/** What `renderTable` draws: header, a rule, rows, and optionally a rule and footer rows. */
export interface Table {
  columns: Column[];
  rows: string[][];
  footer?: string[][];
}

/** A table fitted to a width, and the headers of the columns left out to fit it. */
export interface FittedTable {
  table: Table;
  dropped: string[];
}

/**
 * Fits a table into `width` columns, trying one step after another until it fits: columns only as
 * wide as their cells, short headers, whole numbers shortened (`31.1M`), long names cut to 32
 * characters with `…`, columns left out by their `drop` rank, then names cut further. A table that fits is returned as it is; one that cannot fit is as narrow as
 * the steps make it.
 */
export function fitTable(table: Table, width: number | undefined): FittedTable {
  const fits = (t: Table) => width === undefined || tableWidth(t) <= width;
  if (fits(table)) return { table, dropped: [] };
  // Cut and measured as drawn: escaped (escaping is idempotent, so renderTable leaves them as they are).
  const escape = (rows?: string[][]) => rows?.map((row) => row.map((cell) => escapeTerminal(cell)));
  table = { ...table, rows: escape(table.rows)!, ...(table.footer ? { footer: escape(table.footer)! } : {}) };
  const narrow: Table = { ...table, columns: table.columns.map(({ width: _width, ...c }) => c) };
  if (fits(narrow)) return { table: narrow, dropped: [] };
  const short: Table = { ...narrow, columns: narrow.columns.map((c) => (c.short ? { ...c, header: c.short } : c)) };
  if (fits(short)) return { table: short, dropped: [] };
  const right = short.columns.map((c) => c.align === 'right');
  const compactRows = (rows?: string[][]) => rows?.map((row) => row.map((cell, i) => (right[i] ? compactCell(cell) : cell)));
  let fitted: Table = { ...short, rows: compactRows(short.rows)!, ...(short.footer ? { footer: compactRows(short.footer)! } : {}) };
  // A long name (a model with a deployment suffix) is cut to NAME_CHARS before any column goes.
  if (!fits(fitted)) fitted = cutNames(fitted, width!, NAME_CHARS);
  const dropped: string[] = [];
  // Original index of each column still shown.
  const shown = table.columns.map((_, i) => i);
  const order = shown.filter((i) => table.columns[i]!.drop !== undefined).sort((a, b) => table.columns[a]!.drop! - table.columns[b]!.drop! || b - a);
  for (const i of order) {
    if (fits(fitted)) break;
    const at = shown.indexOf(i);
    shown.splice(at, 1);
    dropped.push(table.columns[i]!.header);
    const without = (rows?: string[][]) => rows?.map((row) => row.filter((_, j) => j !== at));
    fitted = { columns: fitted.columns.filter((_, j) => j !== at), rows: without(fitted.rows)!, ...(fitted.footer ? { footer: without(fitted.footer)! } : {}) };
  }
  return { table: fits(fitted) ? fitted : cutNames(fitted, width!, MIN_NAME), dropped };
}

/** Characters of a name kept before any column is left out: whole for nearly every model and tool name. */
const NAME_CHARS = 32;
/** Fewest characters a name column is cut to, when nothing else is left to make room. */
const MIN_NAME = 12;

/** The widest left-aligned column's long cells cut with `…` (down to `floor` characters) by what the table is too wide. */
function cutNames(table: Table, width: number, floor: number): Table {
  const lengths = table.columns.map((c, i) => (c.align === 'right' ? -1 : Math.max(...[...table.rows, ...(table.footer ?? [])].map((row) => (row[i] ?? '').length))));
  const widest = lengths.indexOf(Math.max(...lengths));
  if (widest < 0 || lengths[widest]! <= floor) return table;
  const cutTo = (max: number): Table => {
    const cut = (rows?: string[][]) => rows?.map((row) => row.map((cell, i) => (i === widest && cell.length > max ? `${cell.slice(0, max - 1)}…` : cell)));
    return { ...table, rows: cut(table.rows)!, ...(table.footer ? { footer: cut(table.footer)! } : {}) };
  };
  // Names past SHOWN_NAME_CHARS are drawn shortened, so the width to take off is measured on the drawn table.
  let max = Math.min(lengths[widest]!, SHOWN_NAME_CHARS);
  let cut = cutTo(max);
  while (tableWidth(cut) > width && max > floor) {
    max = Math.max(floor, max - (tableWidth(cut) - width));
    cut = cutTo(max);
  }
  return cut;
}

/** Columns a drawn table takes: its rule's length. */
function tableWidth(table: Table): number {
  return renderTable(table)[1]!.length;
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
