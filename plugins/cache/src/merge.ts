import { buildSection, rowFor } from './build-section.js';
import { addRow, firstReason } from './cache-row.js';
import type { CacheRow, CacheSection } from './section.js';

/** Sums sessions exactly (integer tokens and nano-dollars); hit rates are recomputed from the sums, never averaged. */
export function mergeCache(sections: CacheSection[]): CacheSection {
  const models = new Map<string, CacheRow>();
  for (const section of sections) for (const [key, row] of Object.entries(section.models)) addRow(rowFor(models, key), row);
  const measured = sections.filter((s) => s.notMeasuredReason === null);
  const versions = [...new Set(measured.flatMap((s) => s.priceDataVersion.split(', ').filter(Boolean)))].sort();
  return buildSection({
    priceDataVersion: versions.join(', '),
    models,
    legacySessions: sections.reduce((n, s) => n + s.legacySessions, 0),
    notMeasuredReason: measured.length === 0 ? sections.reduce<string | null>((reason, s) => firstReason(reason, s.notMeasuredReason), null) : null,
  });
}
