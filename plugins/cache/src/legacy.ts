import { buildSection } from './build-section.js';
import type { CacheSection } from './section.js';

/** Why a legacy report has no cache numbers. */
export const LEGACY_NOT_MEASURED = 'not measured by legacy Radium reports';

/** The original Radium never filled its cache totals, so a legacy session says "not measured" rather than 0%. */
export function cacheFromLegacy(): CacheSection {
  return buildSection({ priceDataVersion: '', models: new Map(), legacySessions: 1, notMeasuredReason: LEGACY_NOT_MEASURED });
}
