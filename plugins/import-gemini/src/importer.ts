import { IMPORTER_API_VERSION, type Importer } from '@radium-stats/core';
import { discoverGeminiFiles } from './discover.js';
import { parseGemini } from './parser.js';
import { geminiSources } from './sources.js';
import type { GeminiFileState } from './state.js';

/** Imports Gemini CLI chats (`~/.gemini/tmp/<project>/chats/session-*.jsonl`, older `.json` chats and subagent chats). */
export const geminiImporter: Importer<GeminiFileState> = {
  id: 'gemini',
  apiVersion: IMPORTER_API_VERSION,
  title: 'Gemini CLI',
  description: 'Reads Gemini CLI chats: tokens per response, tool calls with their status, lines changed by edits.',
  engine: 'gemini',
  defaultSources: geminiSources,
  discover: discoverGeminiFiles,
  parse: parseGemini,
  recordTime: (raw) => {
    if (typeof raw !== 'object' || raw === null) return undefined;
    const r = raw as { startTime?: unknown; timestamp?: unknown };
    return typeof r.startTime === 'string' ? r.startTime : typeof r.timestamp === 'string' ? r.timestamp : undefined;
  },
};
