export { codexImporter } from './importer.js';
export { codexSources } from './sources.js';
export { discoverCodexFiles, rolloutGroup } from './discover.js';
export { parseCodex, codexRecordTime, CODEX_ENGINE, UNKNOWN_MODEL } from './parser.js';
export { codexTokens, readUsage, sameUsage, usageSince, type CodexUsage } from './usage.js';
export { toolOutcome, outputText, type ToolOutcome } from './tool-output.js';
export { findPatch, patchFiles, type PatchedFile } from './apply-patch.js';
export type { CodexFileState, PendingCall } from './state.js';
