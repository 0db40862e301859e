import path from 'node:path';
import type { SourceEnv } from '@radium-stats/core';

/** Gemini CLI's folder: `~/.gemini`, where `GEMINI_CLI_HOME` replaces the home directory as Gemini CLI does. */
export function geminiSources({ env, home }: SourceEnv): string[] {
  const base = env.GEMINI_CLI_HOME?.trim() || home;
  return [path.join(path.resolve(base), '.gemini')];
}
