import { escapeTerminal, type FieldBlock, type NoteBlock, type TableBlock, type ViewBlock } from '@radium-stats/core';
import { Shortener } from './shorten.js';
import { plainStyle, type OutputStyle } from './style.js';
import { fitTable, renderTable } from './table.js';
import { fitLine, wrapText } from './wrap.js';

/** Column where field values start: `Session ID:` padded to 28, as in the spec. */
export const VALUE_COLUMN = 28;

/** Width a block of fields keeps within when a long label moves its values right: an 80-column terminal. */
const FIELDS_WIDTH = 80;

/** How a block is drawn: `width` columns at most (no limit when undefined); reasons moved out of field values go to `footnotes`. */
type Lines<B> = (block: B, style: OutputStyle, cut: Shortener, width: number | undefined, footnotes: string[]) => string[];

/** A value ending in a parenthesised reason: `n/a (no git snapshot was taken when the session started)`. */
const WITH_REASON = /^(.*\S) \(([^()]+)\)$/;

const heading = (title: string, style: OutputStyle, cut: Shortener) => style.heading(escapeTerminal(cut.name(title, 'a heading')));

const fieldLines: Lines<FieldBlock> = (block, style, cut, width, footnotes) => {
  const lines = [heading(block.title, style, cut)];
  const place = `the ${block.title} section`;
  const labels = block.rows.map((row) => {
    const label = `${(row.indent ?? 0) > 0 ? '  » ' : ''}${escapeTerminal(cut.name(row.label, place))}:`;
    return width !== undefined && label.length > width ? `${label.slice(0, width - 2)}…:` : label;
  });
  // On a narrow terminal a long reason moves to a footnote under the view: `n/a [1]`.
  const values = block.rows.map((row) => {
    const value = escapeTerminal(cut.words(row.value, place));
    const reason = width !== undefined && VALUE_COLUMN + value.length > width ? WITH_REASON.exec(value) : null;
    if (!reason) return value;
    footnotes.push(reason[2]!);
    return `${reason[1]} [${footnotes.length}]`;
  });
  // A long label (a model name, say) moves the whole block's values right so they stay in one column, as far
  // as the block's longest value still ends within 80 columns (or the terminal); a label longer than that gets
  // a line of its own, its value under the others.
  const limit = Math.min(FIELDS_WIDTH, width ?? Infinity) - Math.max(0, ...values.map((value) => value.length));
  const column = Math.max(VALUE_COLUMN, ...labels.map((label) => label.length + 1).filter((w) => w <= limit));
  const indent = ' '.repeat(column);
  labels.forEach((label, i) => {
    const value = values[i]!;
    const room = width === undefined ? Infinity : width - column;
    // A value too long for the terminal continues under itself, or when a word of it cannot, under its
    // label, two spaces in, its too-long words cut with `…`.
    const wrapped = wrapText(value, width === undefined ? undefined : room);
    if (wrapped.every((line) => line.length <= room)) {
      const [first = '', ...rest] = wrapped;
      if (label.length < column) lines.push(`${label.padEnd(column - 1)} ${first}`.trimEnd());
      else lines.push(label, ...(first === '' ? [] : [`${indent}${first}`]));
      lines.push(...rest.map((line) => `${indent}${line}`));
    } else {
      lines.push(label, ...fitLine(`  ${value}`, width, 2));
    }
  });
  return lines;
};

const tableLines: Lines<TableBlock> = (block, style, cut, width) => {
  const columns = block.columns.map((c, i) => (i === 0 && block.titleInHeader && block.title ? { ...c, header: block.title } : c));
  const fitted = fitTable({ columns, rows: block.rows, ...(block.footer ? { footer: block.footer } : {}) }, width);
  const table = renderTable(fitted.table, style, cut);
  if (fitted.dropped.length > 0) table.push('', ...wrapText(`Left out to fit ${width} columns: ${fitted.dropped.join(', ')} (--json has them).`, width));
  return block.title && !block.titleInHeader ? [heading(block.title, style, cut), '', ...table] : table;
};

const noteLines: Lines<NoteBlock> = (block, style, cut, width) => {
  const text = wrapText(escapeTerminal(cut.words(block.text, block.title ? `the ${block.title} note` : 'a note')), width);
  return block.title ? [heading(block.title, style, cut), ...text] : text;
};

/**
 * Renders blocks in the order given, a blank line between them. Over-long names are shortened
 * (see `Shortener`) and `warn` is told once, naming where.
 */
export function renderBlocks(blocks: readonly ViewBlock[], style: OutputStyle = plainStyle, warn: (message: string) => void = () => {}, width?: number): string {
  const cut = new Shortener();
  const footnotes: string[] = [];
  const drawn = blocks.map((block) =>
    block.kind === 'fields' ? fieldLines(block, style, cut, width, footnotes) : block.kind === 'table' ? tableLines(block, style, cut, width, footnotes) : noteLines(block, style, cut, width, footnotes),
  );
  if (footnotes.length > 0) drawn.push(footnotes.flatMap((note, i) => wrapText(`[${i + 1}] ${note}`, width)));
  const text = drawn.map((lines) => lines.join('\n')).join('\n\n');
  const warning = cut.warning();
  if (warning) warn(warning);
  return text;
}
