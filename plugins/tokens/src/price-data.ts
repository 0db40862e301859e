import { formatInteger, type FieldBlock, type ViewScope } from '@radium-stats/core';
import { LEGACY_PRICE_DATA } from './legacy.js';
import type { TokensSection } from './section.js';

/** Marks a price data version that config overrides priced some of its models with. */
const OVERRIDES = '+overrides.';

/** One price data version of a view, with the sessions it priced when known. */
export interface PriceDataUse {
  priceDataVersion: string;
  /** Sessions priced with it; null when the view's selection counts none (a time filter started them earlier). */
  sessions: number | null;
  /** Whether prices.overrides priced some of its models. */
  overridesApplied: boolean;
}

/** Which price data priced the view's sessions: each version, with how many sessions and whether overrides applied. */
export function priceDataUses(section: TokensSection, scope: ViewScope): PriceDataUse[] {
  const counted = new Map((section.priceData ?? []).map((entry) => [entry.version, entry.sessions]));
  const versions = section.priceDataVersion.split(', ').filter(Boolean);
  for (const version of counted.keys()) if (!versions.includes(version)) versions.push(version);
  // Without counts a section is one session's (see buildSection).
  const one = section.priceData === undefined && versions.length === 1;
  return versions.sort().map((version) => ({
    priceDataVersion: version,
    sessions: counted.get(version) ?? (one || scope.kind === 'session' ? 1 : null),
    overridesApplied: version.includes(OVERRIDES),
  }));
}

function detail(use: PriceDataUse): string {
  if (use.priceDataVersion === LEGACY_PRICE_DATA) return 'original Radium costs';
  return use.overridesApplied ? 'with prices.overrides' : 'no overrides';
}

/** The `Price Data` block of the model view: one row a version, e.g. `genai-prices@0.1.8: 2 sessions, no overrides`. */
export function priceDataBlock(uses: readonly PriceDataUse[], scope: ViewScope, order: number): FieldBlock | undefined {
  if (uses.length === 0) return undefined;
  const count = (n: number | null) => (n === null || scope.kind === 'session' ? [] : [`${formatInteger(n)} session${n === 1 ? '' : 's'}`]);
  return {
    kind: 'fields',
    title: 'Price Data',
    order,
    rows: uses.map((use) => ({ label: use.priceDataVersion, value: [...count(use.sessions), detail(use)].join(', ') })),
  };
}
