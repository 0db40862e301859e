export { geminiImporter } from './importer.js';
export { geminiSources } from './sources.js';
export { discoverGeminiFiles, SKIP_MIGRATED } from './discover.js';
export { parseGemini } from './parser.js';
export { geminiTokens } from './tokens.js';
export { messageEvents, summarize, UNKNOWN_MODEL, type MessageSummary, type ToolSummary } from './messages.js';
export { ProjectRoots, projectHash, candidateRoots } from './project-root.js';
export type { GeminiFileState } from './state.js';
