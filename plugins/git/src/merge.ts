import type { ChangeSource, GitSection } from './section.js';

type CountField = 'linesAdded' | 'linesRemoved' | 'filesChanged' | 'binaryFiles';

/** Sum of a field over the sections that know it, or null when none does. */
function sumKnown(sections: GitSection[], field: CountField): number | null {
  const known = sections.map((s) => s[field]).filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** How many of the sessions behind a section lack the field. */
function tally(section: GitSection, field: 'linesAdded' | 'filesChanged'): number {
  const key = field === 'linesAdded' ? 'linesUnknown' : 'filesUnknown';
  return section.merged ? section.merged[key] : section[field] === null ? 1 : 0;
}

/** The one source all measured sections share, `mixed` when they differ, null when none measured. */
function mergedSource(sections: GitSection[]): ChangeSource | null {
  const sources = new Set(sections.map((s) => s.source).filter((s): s is ChangeSource => s !== null));
  if (sources.size === 0) return null;
  return sources.size === 1 ? [...sources][0]! : 'mixed';
}

/** Why a merged count is null when the sessions lacking it gave different reasons. */
export const NOT_MEASURED_ANYWHERE = 'not measured in any of the merged sessions';

/** The reason of the sessions that lack a count: theirs when they agree, else a general one; order does not matter. */
export function commonReason(reasons: (string | null | undefined)[]): string | undefined {
  const distinct = new Set(reasons.filter((r): r is string => typeof r === 'string'));
  if (distinct.size === 0) return undefined;
  return distinct.size === 1 ? [...distinct][0]! : NOT_MEASURED_ANYWHERE;
}

/** Why a merged count is null: the reason of the sessions that lacked it. */
function reasonForNulls(sections: GitSection[], out: GitSection): string | undefined {
  if (sections.length === 0) return 'no sessions';
  if (out.linesAdded === null) return commonReason(sections.filter((s) => s.linesAdded === null).map((s) => s.unavailableReason));
  if (out.filesChanged === null) return commonReason(sections.filter((s) => s.filesChanged === null).map((s) => s.unavailableReason));
  return undefined;
}

/**
 * Adds sessions up. Each count is the sum over the sessions that know it (sessions that do not are
 * counted in `merged`); a file changed in two sessions counts twice, as the sessions are not diffed
 * against each other.
 */
export function mergeGitSections(sections: GitSection[]): GitSection {
  const merged = {
    sessions: sections.reduce((n, s) => n + (s.merged?.sessions ?? 1), 0),
    linesUnknown: sections.reduce((n, s) => n + tally(s, 'linesAdded'), 0),
    filesUnknown: sections.reduce((n, s) => n + tally(s, 'filesChanged'), 0),
  };
  const out: GitSection = {
    source: mergedSource(sections),
    linesAdded: sumKnown(sections, 'linesAdded'),
    linesRemoved: sumKnown(sections, 'linesRemoved'),
    filesChanged: sumKnown(sections, 'filesChanged'),
    binaryFiles: sumKnown(sections, 'binaryFiles'),
    merged,
  };
  const reason = reasonForNulls(sections, out);
  if (reason) out.unavailableReason = reason;
  return out;
}

/** Drops what merging and history do not need: the snapshot ids. */
export function summarizeGitSection(section: GitSection): GitSection {
  const { snapshots: _snapshots, ...rest } = section;
  return rest;
}
