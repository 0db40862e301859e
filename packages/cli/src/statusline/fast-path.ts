import { existsSync, readFileSync } from 'node:fs';
import { WorkspacePaths } from '@radium-stats/core/light';
import { cachedFigures, parseStatusCache, statusCacheFile } from './cache-file.js';
import { composeParts, type StoredFigures } from './compose-parts.js';
import { parseStatusInput } from './input.js';
import { handOverStdin, readStdin } from './read-stdin.js';
import { renderStatusLine, statusColor } from './render.js';
import { statusRoot } from './status-root.js';

// `rad statusline` as Claude Code runs it, after every message, answered before oclif or core load
// (bin/run.js imports this first): from the status line's cache while the store is unchanged, or
// from the input alone when there is no store. Whatever it cannot prove goes to the full command.

/** The store's figures the full command would show for this input, or undefined when only it can say. */
function storedFigures(text: string, env: NodeJS.ProcessEnv, cwd: string, nowMs: number): { figures: StoredFigures; input: ReturnType<typeof parseStatusInput> } | undefined {
  const input = parseStatusInput(text);
  const root = statusRoot(input.dirs, env, cwd);
  // As the full command: no workspace, or no store yet, and only what Claude Code reports is shown.
  if (root === undefined || !existsSync(new WorkspacePaths(root).databaseFile)) return { figures: {}, input };
  let cacheText: string;
  try {
    cacheText = readFileSync(statusCacheFile(root), 'utf8');
  } catch {
    return undefined;
  }
  const cache = parseStatusCache(cacheText);
  const figures = cache && cachedFigures(cache, root, input.sessionId, env, nowMs);
  return figures ? { figures, input } : undefined;
}

/**
 * Answers `rad statusline [--color]` (the arguments after the command) without the full command
 * when it can; false when it did not, having left stdin's text for the full command to read.
 */
export async function answerStatusline(args: readonly string[]): Promise<boolean> {
  // Any other flag (--debug, --workspace, --help) is the full command's.
  const color = args.length === 1 && args[0] === '--color';
  if (args.length > 0 && !color) return false;
  const text = await readStdin();
  handOverStdin(text);
  try {
    const found = storedFigures(text, process.env, process.cwd(), Date.now());
    if (found === undefined) return false;
    const line = renderStatusLine(composeParts(found.input, found.figures), statusColor(color, process.stdout, process.env));
    process.stdout.write(`${line}\n`);
    return true;
  } catch {
    // Whatever went wrong here, the full command answers (and says why under --debug).
    return false;
  }
}
