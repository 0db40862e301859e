import type { FactColumn, FactTable } from '@radium-stats/core';

const count = (name: string, description: string): FactColumn => ({ name, type: 'integer', description });

/** The counts of a section, by fact column. */
export const GIT_COUNTS = { lines_added: 'linesAdded', lines_removed: 'linesRemoved', files_changed: 'filesChanged', binary_files: 'binaryFiles' } as const;

/** One row per session: what it changed in the working tree. */
export const gitSessionsTable: FactTable = {
  name: 'git_sessions',
  description: 'One row per session, in the 15-minute bucket of its start: the lines and files it changed (git snapshots or file.edit events)',
  dimensions: [
    { name: 'source', type: 'text', description: 'Where the counts come from: git, file.edit events or original Radium; null when nothing was measured' },
    { name: 'unavailable_reason', type: 'text', description: 'Why a count is not known; null when every count is' },
  ],
  measures: [
    count('sessions', 'Sessions (1 per row)'),
    count('lines_added', 'Lines added; 0 when not known'),
    count('lines_added_unknown', '1 when lines added are not known'),
    count('lines_removed', 'Lines removed; 0 when not known'),
    count('lines_removed_unknown', '1 when lines removed are not known'),
    count('files_changed', 'Files added, deleted, modified or renamed in the session; 0 when not known'),
    count('files_changed_unknown', '1 when files changed are not known'),
    count('binary_files', 'Of those, binary files; 0 when not known'),
    count('binary_files_unknown', '1 when binary files are not known'),
  ],
};

/** The tables of the git plugin. */
export const gitFactTables: FactTable[] = [gitSessionsTable];
