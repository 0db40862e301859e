// Plain-text tables for the bench output (and Markdown for pasting into the README).

/** Formats ms as `123 ms` or `4.56 s`. */
export const ms = (value) => (Number.isNaN(value) || value === undefined ? 'n/a' : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`);
/** Formats MB. */
export const mb = (value) => (Number.isNaN(value) || value === undefined ? 'n/a' : `${Math.round(value)} MB`);
/** Formats a ratio as `1.23x`. */
export const ratio = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a');
/** Formats an integer with thousands separators. */
export const int = (value) => Math.round(value).toLocaleString('en-US');

/** Renders rows (arrays of strings) under a header: numbers right-aligned, the first column and those in `left` left-aligned. */
export function textTable(header, rows, left = []) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || left.includes(i) ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Renders the same rows as a Markdown table; `left` lists the columns (besides the first) that hold text. */
export function markdownTable(header, rows, left = []) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 || left.includes(i) ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
