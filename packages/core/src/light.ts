// The parts of core that use Node's built-ins alone, for code that must start fast (`rad statusline`
// answering from its cache): importing them from here loads none of the rest of core.
export { escapeTerminal } from './format/escape.js';
export { formatDecimal } from './format/decimal.js';
export { WORKSPACE_DIR, WORKSPACE_ENV, workspaceAbove, type LocatedWorkspace } from './workspace/nearest.js';
export { WorkspacePaths } from './store/paths.js';
