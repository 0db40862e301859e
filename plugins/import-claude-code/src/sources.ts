import path from 'node:path';
import type { SourceEnv } from '@radium-stats/core';

/**
 * Folders Claude Code writes transcripts to: each root of `CLAUDE_CONFIG_DIR` (a comma-separated
 * list) when set, else `$XDG_CONFIG_HOME/claude` (default `~/.config/claude`) and `~/.claude`; the
 * transcripts are under `projects/` in each.
 */
export function claudeSources({ env, home }: SourceEnv): string[] {
  const configured = (env.CLAUDE_CONFIG_DIR ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const roots = configured.length > 0 ? configured : [path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'claude'), path.join(home, '.claude')];
  return roots.map((root) => path.join(path.resolve(root), 'projects'));
}
