import { IMPORTER_API_VERSION, type Importer } from '@radium-stats/core';
import { discoverClaudeFiles } from './discover.js';
import { CLAUDE_ENGINE, claudeRecordTime, parseClaude, wantsClaudeLine } from './parser.js';
import { claudeSources } from './sources.js';
import type { ClaudeFileState } from './state.js';

/** Imports Claude Code transcripts (`~/.claude/projects/**.jsonl`, subagents included). */
export const claudeCodeImporter: Importer<ClaudeFileState> = {
  id: 'claude-code',
  apiVersion: IMPORTER_API_VERSION,
  title: 'Claude Code',
  description: 'Reads Claude Code transcripts: tokens per response, tool calls with durations, lines changed by edits.',
  engine: CLAUDE_ENGINE,
  defaultSources: claudeSources,
  discover: discoverClaudeFiles,
  parse: parseClaude,
  recordTime: claudeRecordTime,
  wantsLine: wantsClaudeLine,
};
