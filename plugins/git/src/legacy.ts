import type { LegacyMetrics } from '@radium-stats/core';
import type { GitSection } from './section.js';

/** The original Radium recorded lines added and removed, but not files changed. */
export function gitSectionFromLegacy(legacy: LegacyMetrics): GitSection {
  return {
    source: 'original Radium',
    linesAdded: legacy.lines_added,
    linesRemoved: legacy.lines_removed,
    filesChanged: null,
    binaryFiles: null,
    unavailableReason: 'not recorded by the original Radium',
  };
}
