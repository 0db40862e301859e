import { escapeTerminal } from '@radium-stats/core';
import type { ComparedRow, Comparison } from '../views/compare.js';
import { formatChange, formatDelta, formatPointChange, formatValue } from './format-delta.js';
import { Shortener } from './shorten.js';
import { fitLine } from './wrap.js';
import { plainStyle, type OutputStyle } from './style.js';

const TITLE = 'Session Comparison';

function rowLines(row: ComparedRow, cut: Shortener): string[] {
  const place = `the ${row.section} section`;
  const label = escapeTerminal(cut.name(row.label, place));
  if (row.unit === 'ratio') {
    return [`  ${label}: ${formatValue(row.a, 'ratio')} → ${formatValue(row.b, 'ratio')} (${formatPointChange(row.a, row.b)})`];
  }
  const delta = `  ${label}: ${formatDelta(row.delta, row.unit)} (${formatChange(row.percent)})`;
  if (!row.detail) return [delta];
  return [`  Session A: ${escapeTerminal(cut.words(row.detail.a, place))}`, `  Session B: ${escapeTerminal(cut.words(row.detail.b, place))}`, delta];
}

/** Human output of `rad stats compare`, laid out as in the spec; over-long names are shortened and `warn` told once; lines wider than `width` continue indented. */
export function renderComparison(comparison: Comparison, style: OutputStyle = plainStyle, warn: (message: string) => void = () => {}, width?: number): string {
  const cut = new Shortener();
  const ids = [comparison.a, comparison.b].map((id) => escapeTerminal(cut.words(id, 'the session ids')));
  const lines = [style.heading(TITLE), '═'.repeat(TITLE.length + 1), '', `Session A: ${ids[0]}`, `Session B: ${ids[1]}`];
  let section: string | undefined;
  for (const row of comparison.rows) {
    if (row.section !== section) {
      section = row.section;
      const title = escapeTerminal(cut.name(section, 'a heading'));
      lines.push('', style.heading(title), '─'.repeat(title.length));
    }
    lines.push(...rowLines(row, cut));
  }
  if (comparison.rows.length === 0) lines.push('', 'No plugin had anything to compare for these two sessions.');
  if (comparison.skipped.length > 0) {
    const skipped = (s: Comparison['skipped'][number]) => `Not compared: ${escapeTerminal(cut.name(s.plugin, 'a plugin id'))} (${escapeTerminal(cut.words(s.reason, 'a reason'))})`;
    lines.push('', ...comparison.skipped.map(skipped));
  }
  const warning = cut.warning();
  if (warning) warn(warning);
  return lines.flatMap((line) => fitLine(line, width)).join('\n');
}
