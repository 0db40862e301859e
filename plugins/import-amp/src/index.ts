export { ampImporter } from './importer.js';
export { ampSources } from './sources.js';
export { discoverAmpFiles, threadGroup } from './discover.js';
export { parseAmp, ampRecordTime, UNKNOWN_MODEL } from './parser.js';
export { messageTokens, ledgerTokens, engineOf, AMP_ENGINE } from './usage.js';
export { runOutcome, editLines, type ToolOutcome, type EditLines } from './tools.js';
export { threadFolder, threadMeta, threadStart, folderOf, NO_FOLDER } from './thread.js';
