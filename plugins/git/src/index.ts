export { gitPlugin } from './plugin.js';
export { gitSectionSchema, treeSnapshotSchema, changeSourceSchema, type GitSection, type TreeSnapshot, type ChangeSource } from './section.js';
export { snapshotEventSchema, SNAPSHOT_EVENT, type SnapshotEvent } from './snapshot-event.js';
export { snapshotWorkTree } from './snapshot.js';
export { GitUnavailableError, describeGitFailure } from './git-failure.js';
export { mergeGitSections, summarizeGitSection } from './merge.js';
export { sumNumstat, type NumstatTotals } from './numstat.js';
