export { openCodeImporter } from './importer.js';
export { openCodeSources } from './sources.js';
export { discoverOpenCodeFiles, SKIP_NO_DIRECTORY } from './discover.js';
export { parseOpenCode, UNKNOWN_MODEL } from './parser.js';
export { openCodeTokens, hasTokens } from './tokens.js';
