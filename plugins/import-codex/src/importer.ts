import { IMPORTER_API_VERSION, type Importer } from '@radium-stats/core';
import { discoverCodexFiles } from './discover.js';
import { CODEX_ENGINE, codexRecordTime, parseCodex } from './parser.js';
import { codexSources } from './sources.js';
import type { CodexFileState } from './state.js';

/** Imports Codex CLI rollouts (`$CODEX_HOME/sessions/**\/rollout-*.jsonl` and `archived_sessions/`). */
export const codexImporter: Importer<CodexFileState> = {
  id: 'codex',
  apiVersion: IMPORTER_API_VERSION,
  title: 'Codex CLI',
  description: 'Reads Codex CLI rollouts: tokens per turn, tool calls with exit codes and durations, lines changed by apply_patch.',
  engine: CODEX_ENGINE,
  defaultSources: codexSources,
  discover: discoverCodexFiles,
  parse: parseCodex,
  recordTime: codexRecordTime,
};
