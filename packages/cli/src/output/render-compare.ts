import { escapeTerminal } from '@radium-stats/core';
import type { ComparedRow, Comparison } from '../views/compare.js';
import { formatChange, formatDelta, formatValue } from './format-delta.js';
import { plainStyle, type OutputStyle } from './style.js';

const TITLE = 'Session Comparison';

function rowLines(row: ComparedRow): string[] {
  const label = escapeTerminal(row.label);
  if (row.unit === 'ratio') {
    return [`  ${label}: ${formatValue(row.a, 'ratio')} → ${formatValue(row.b, 'ratio')} (${formatDelta(row.delta, 'ratio')})`];
  }
  const delta = `  ${label}: ${formatDelta(row.delta, row.unit)} (${formatChange(row.percent)})`;
  if (!row.detail) return [delta];
  return [`  Session A: ${escapeTerminal(row.detail.a)}`, `  Session B: ${escapeTerminal(row.detail.b)}`, delta];
}

/** Human output of `rad stats compare`, laid out as in the spec. */
export function renderComparison(comparison: Comparison, style: OutputStyle = plainStyle): string {
  const lines = [style.heading(TITLE), '═'.repeat(TITLE.length + 1), '', `Session A: ${escapeTerminal(comparison.a)}`, `Session B: ${escapeTerminal(comparison.b)}`];
  let section: string | undefined;
  for (const row of comparison.rows) {
    if (row.section !== section) {
      section = row.section;
      const title = escapeTerminal(section);
      lines.push('', style.heading(title), '─'.repeat(title.length));
    }
    lines.push(...rowLines(row));
  }
  if (comparison.rows.length === 0) lines.push('', 'No plugin had anything to compare for these two sessions.');
  if (comparison.skipped.length > 0) {
    lines.push('', ...comparison.skipped.map((s) => `Not compared: ${escapeTerminal(s.plugin)} (${escapeTerminal(s.reason)})`));
  }
  return lines.join('\n');
}
