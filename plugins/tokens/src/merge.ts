import { buildSection, rowFor } from './build-section.js';
import type { TokensSection, UsageRow } from './section.js';
import { addRow } from './usage-row.js';

function mergeRows(sections: TokensSection[], pick: (s: TokensSection) => Record<string, UsageRow>): Map<string, UsageRow> {
  const rows = new Map<string, UsageRow>();
  for (const section of sections) for (const [key, row] of Object.entries(pick(section))) addRow(rowFor(rows, key), row);
  return rows;
}

/** Sums sessions: integer tokens and integer nano-dollars add exactly, so totals have no drift. */
export function mergeTokens(sections: TokensSection[]): TokensSection {
  const versions = [...new Set(sections.flatMap((s) => s.priceDataVersion.split(', ').filter(Boolean)))].sort();
  return buildSection({
    priceDataVersion: versions.join(', '),
    models: mergeRows(sections, (s) => s.models),
    engines: mergeRows(sections, (s) => s.engines),
    legacySessions: sections.reduce((n, s) => n + s.legacySessions, 0),
  });
}
