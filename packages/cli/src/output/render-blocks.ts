import { escapeTerminal, type FieldBlock, type NoteBlock, type TableBlock, type ViewBlock } from '@radium-stats/core';
import { plainStyle, type OutputStyle } from './style.js';
import { renderTable } from './table.js';

/** Column where field values start: `Session ID:` padded to 28, as in the spec. */
export const VALUE_COLUMN = 28;

function fieldLines(block: FieldBlock, style: OutputStyle): string[] {
  const lines = [style.heading(escapeTerminal(block.title))];
  for (const row of block.rows) {
    const label = `${(row.indent ?? 0) > 0 ? '  » ' : ''}${escapeTerminal(row.label)}:`;
    lines.push(`${label.padEnd(VALUE_COLUMN - 1)} ${escapeTerminal(row.value)}`.trimEnd());
  }
  return lines;
}

function tableLines(block: TableBlock, style: OutputStyle): string[] {
  const columns = block.columns.map((c, i) => (i === 0 && block.titleInHeader && block.title ? { ...c, header: block.title } : c));
  const table = renderTable({ columns, rows: block.rows, ...(block.footer ? { footer: block.footer } : {}) }, style);
  return block.title && !block.titleInHeader ? [style.heading(escapeTerminal(block.title)), '', ...table] : table;
}

function noteLines(block: NoteBlock, style: OutputStyle): string[] {
  const text = escapeTerminal(block.text);
  return block.title ? [style.heading(escapeTerminal(block.title)), text] : [text];
}

/** Renders blocks in the order given, a blank line between them. */
export function renderBlocks(blocks: readonly ViewBlock[], style: OutputStyle = plainStyle): string {
  return blocks
    .map((block) => (block.kind === 'fields' ? fieldLines(block, style) : block.kind === 'table' ? tableLines(block, style) : noteLines(block, style)))
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
