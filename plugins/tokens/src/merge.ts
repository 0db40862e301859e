import { buildSection, countPriceData, rowFor } from './build-section.js';
import type { TokensSection, UsageRow } from './section.js';
import { addRow } from './usage-row.js';

function mergeRows(sections: TokensSection[], pick: (s: TokensSection) => Record<string, UsageRow>): Map<string, UsageRow> {
  const rows = new Map<string, UsageRow>();
  for (const section of sections) for (const [key, row] of Object.entries(pick(section))) addRow(rowFor(rows, key), row);
  return rows;
}

/** Keys that every section listing them marks legacy-only: no session measured them. */
function legacyOnlyKeys(sections: TokensSection[], pick: (s: TokensSection) => Record<string, UsageRow>, marked: (s: TokensSection) => string[] | undefined): string[] {
  const seen = new Set<string>();
  const measured = new Set<string>();
  for (const section of sections) {
    const legacy = new Set(marked(section) ?? []);
    for (const key of Object.keys(pick(section))) {
      seen.add(key);
      if (!legacy.has(key)) measured.add(key);
    }
  }
  return [...seen].filter((key) => !measured.has(key));
}

/** Sums sessions: integer tokens and integer nano-dollars add exactly, so totals have no drift. */
export function mergeTokens(sections: TokensSection[]): TokensSection {
  const versions = [...new Set(sections.flatMap((s) => s.priceDataVersion.split(', ').filter(Boolean)))].sort();
  const priceData = new Map<string, number>();
  for (const section of sections) {
    if (section.priceData) section.priceData.forEach((entry) => countPriceData(priceData, entry.version, entry.sessions));
    else countPriceData(priceData, section.priceDataVersion, 1);
  }
  return buildSection({
    priceDataVersion: versions.join(', '),
    priceData,
    models: mergeRows(sections, (s) => s.models),
    engines: mergeRows(sections, (s) => s.engines),
    legacySessions: sections.reduce((n, s) => n + s.legacySessions, 0),
    legacyOnly: {
      models: legacyOnlyKeys(sections, (s) => s.models, (s) => s.legacyOnly?.models),
      engines: legacyOnlyKeys(sections, (s) => s.engines, (s) => s.legacyOnly?.engines),
    },
  });
}
