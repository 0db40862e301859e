import { escapeTerminal, type FieldBlock, type NoteBlock, type TableBlock, type ViewBlock } from '@radium-stats/core';
import { Shortener } from './shorten.js';
import { plainStyle, type OutputStyle } from './style.js';
import { fitTable, renderTable } from './table.js';

/** Column where field values start: `Session ID:` padded to 28, as in the spec. */
export const VALUE_COLUMN = 28;

/** Width a block of fields keeps within when a long label moves its values right: an 80-column terminal. */
const FIELDS_WIDTH = 80;

type Lines<B> = (block: B, style: OutputStyle, cut: Shortener, width?: number) => string[];

const heading = (title: string, style: OutputStyle, cut: Shortener) => style.heading(escapeTerminal(cut.name(title, 'a heading')));

const fieldLines: Lines<FieldBlock> = (block, style, cut) => {
  const lines = [heading(block.title, style, cut)];
  const place = `the ${block.title} section`;
  const labels = block.rows.map((row) => `${(row.indent ?? 0) > 0 ? '  » ' : ''}${escapeTerminal(cut.name(row.label, place))}:`);
  const values = block.rows.map((row) => escapeTerminal(cut.words(row.value, place)));
  // A long label (a model name, say) moves the whole block's values right so they stay in one column, as far
  // as the block's longest value still ends within 80 columns; a label longer than that gets a line of its
  // own, its value under the others.
  const limit = FIELDS_WIDTH - Math.max(0, ...values.map((value) => value.length));
  const column = Math.max(VALUE_COLUMN, ...labels.map((label) => label.length + 1).filter((width) => width <= limit));
  labels.forEach((label, i) => {
    const value = values[i]!;
    if (label.length < column) lines.push(`${label.padEnd(column - 1)} ${value}`.trimEnd());
    else lines.push(label, ...(value === '' ? [] : [`${' '.repeat(column)}${value}`]));
  });
  return lines;
};

const tableLines: Lines<TableBlock> = (block, style, cut, width) => {
  const columns = block.columns.map((c, i) => (i === 0 && block.titleInHeader && block.title ? { ...c, header: block.title } : c));
  const fitted = fitTable({ columns, rows: block.rows, ...(block.footer ? { footer: block.footer } : {}) }, width);
  const table = renderTable(fitted.table, style, cut);
  if (fitted.dropped.length > 0) table.push('', `Left out to fit ${width} columns: ${fitted.dropped.join(', ')} (--json has them).`);
  return block.title && !block.titleInHeader ? [heading(block.title, style, cut), '', ...table] : table;
};

const noteLines: Lines<NoteBlock> = (block, style, cut) => {
  const text = escapeTerminal(cut.words(block.text, block.title ? `the ${block.title} note` : 'a note'));
  return block.title ? [heading(block.title, style, cut), text] : [text];
};

/**
 * Renders blocks in the order given, a blank line between them. Over-long names are shortened
 * (see `Shortener`) and `warn` is told once, naming where.
 */
export function renderBlocks(blocks: readonly ViewBlock[], style: OutputStyle = plainStyle, warn: (message: string) => void = () => {}, width?: number): string {
  const cut = new Shortener();
  const text = blocks
    .map((block) => (block.kind === 'fields' ? fieldLines(block, style, cut) : block.kind === 'table' ? tableLines(block, style, cut, width) : noteLines(block, style, cut)))
    .map((lines) => lines.join('\n'))
    .join('\n\n');
  const warning = cut.warning();
  if (warning) warn(warning);
  return text;
}
