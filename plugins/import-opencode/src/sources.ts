import path from 'node:path';
import type { SourceEnv } from '@radium-stats/core';

/**
 * OpenCode's storage folder: `<data>/opencode/storage`, where `<data>` is `XDG_DATA_HOME` or
 * `~/.local/share` on every platform (OpenCode resolves it with xdg-basedir, which does not branch by OS).
 */
export function openCodeSources({ env, home }: SourceEnv): string[] {
  const data = env.XDG_DATA_HOME?.trim() || path.join(home, '.local', 'share');
  return [path.join(path.resolve(data), 'opencode', 'storage')];
}
