import { formatInteger, formatNotAvailable } from '@radium-stats/core';
import type { GitSection } from './section.js';

/** Why a null count is null, for `n/a (reason)`. */
function reasonOf(section: GitSection): string {
  return section.unavailableReason ?? 'not measured';
}

/** `+505 -208`, or `n/a (reason)` when the lines are not known. */
export function formatLines(section: GitSection): string {
  if (section.linesAdded === null || section.linesRemoved === null) return formatNotAvailable(reasonOf(section));
  return `+${formatInteger(section.linesAdded)} -${formatInteger(section.linesRemoved)}`;
}

/** `12`, `12 (2 binary)`, or `n/a (reason)`. */
export function formatFiles(section: GitSection): string {
  if (section.filesChanged === null) return formatNotAvailable(reasonOf(section));
  const binary = section.binaryFiles ? ` (${formatInteger(section.binaryFiles)} binary)` : '';
  return `${formatInteger(section.filesChanged)}${binary}`;
}

/** A note after a known value: where it came from when not from git, and sessions left out of a merge. */
export function provenance(section: GitSection, field: 'linesAdded' | 'filesChanged'): string {
  const notes: string[] = [];
  // Said once, on the second row, so the spec's `Code Changes: +505 -208` line stays as people know it.
  if (section.source === 'file.edit events' && field === 'filesChanged') notes.push('from file.edit events');
  const unknown = field === 'linesAdded' ? section.merged?.linesUnknown : section.merged?.filesUnknown;
  if (section.merged && unknown) notes.push(`${formatInteger(unknown)} of ${formatInteger(section.merged.sessions)} sessions not measured`);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
