import path from 'node:path';
import type { SourceEnv } from '@radium-stats/core';

/**
 * Amp's data folder, which holds `threads/`: `$XDG_DATA_HOME/amp` when set (Amp reads it outside
 * Windows), else `~/.local/share/amp` (on macOS and Windows too).
 */
export function ampSources({ env, home }: SourceEnv, platform: NodeJS.Platform = process.platform): string[] {
  const xdg = env.XDG_DATA_HOME?.trim();
  if (xdg && platform !== 'win32' && path.isAbsolute(xdg)) return [path.join(xdg, 'amp')];
  return [path.join(home, '.local', 'share', 'amp')];
}
