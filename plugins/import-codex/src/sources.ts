import path from 'node:path';
import type { SourceEnv } from '@radium-stats/core';

/** Where Codex CLI keeps its home: `CODEX_HOME` when set, else `~/.codex`; rollouts are under `sessions/` and `archived_sessions/`. */
export function codexSources({ env, home }: SourceEnv): string[] {
  const configured = env.CODEX_HOME?.trim();
  return [configured ? path.resolve(configured) : path.join(home, '.codex')];
}
