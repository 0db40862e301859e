import { IMPORTER_API_VERSION, toIsoTime, type Importer } from '@radium-stats/core';
import { discoverOpenCodeFiles } from './discover.js';
import { parseOpenCode } from './parser.js';
import { openCodeSources } from './sources.js';

/** Imports OpenCode sessions from its storage folder (`~/.local/share/opencode/storage`: session, message and part files). */
export const openCodeImporter: Importer<undefined> = {
  id: 'opencode',
  apiVersion: IMPORTER_API_VERSION,
  title: 'OpenCode',
  description: 'Reads OpenCode sessions: tokens per model step with reasoning and cache reads and writes, tool calls with their status and duration, lines changed by edits.',
  defaultSources: openCodeSources,
  discover: discoverOpenCodeFiles,
  parse: parseOpenCode,
  recordTime: (raw) => {
    const time = typeof raw === 'object' && raw !== null ? (raw as { time?: { created?: unknown } }).time : undefined;
    return toIsoTime(time?.created);
  },
};
