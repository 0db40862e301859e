export { claudeCodeImporter } from './importer.js';
export { claudeSources } from './sources.js';
export { discoverClaudeFiles, encodeProjectDir, projectDirMayMatch } from './discover.js';
export { parseClaude, wantsClaudeLine, claudeRecordTime, CLAUDE_ENGINE } from './parser.js';
export { claudeTokens, completeness, type ClaudeUsage } from './usage.js';
export { patchLines, type LineChanges } from './patch.js';
export type { ClaudeFileState, PendingTool } from './state.js';
