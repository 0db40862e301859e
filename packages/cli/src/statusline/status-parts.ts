import { existsSync } from 'node:fs';
import type { Interfaces } from '@oclif/core';
import { Warnings, WorkspacePaths } from '@radium-stats/core';
import { openHost } from '../host/open-host.js';
import { watchFiles, writeStatusCache, type ReadFigures } from './cache-writer.js';
import { composeParts, type StoredFigures } from './compose-parts.js';
import { statusWorkspace } from './find-workspace.js';
import type { StatusInput } from './input.js';
import type { StatusParts } from './render.js';
import { storedSessionFiles, storedSessionUsage, todayUsage } from './store-usage.js';

/** Where the status line looks and what it tells about what went wrong. */
export interface StatusContext {
  config: Interfaces.Config;
  /** `--workspace`, when given. */
  workspace: string | undefined;
  env: NodeJS.ProcessEnv;
  cwd: string;
  nowMs: number;
  /** Says why a part is missing (stderr under `--debug`, else nowhere: the status bar must stay quiet). */
  debug: (message: string) => void;
}

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * This session and today as the store holds them; nothing when there is no workspace or no store
 * yet. Leaves what it read in the status line's cache (cache-file.ts) when it can prove it current.
 */
async function fromStore(input: StatusInput, context: StatusContext): Promise<StoredFigures> {
  const root = statusWorkspace(context.workspace, input.dirs, context.env, context.cwd);
  if (root === undefined) {
    context.debug('no workspace found (rad init, or rad init --global): only what Claude Code reports is shown.');
    return {};
  }
  // Building a store from scratch reads every report (seconds on a large workspace): left to `rad stats`.
  if (!existsSync(new WorkspacePaths(root).databaseFile)) {
    context.debug(`no stats store in ${root} yet (any rad stats view makes it): only what Claude Code reports is shown.`);
    return {};
  }
  let sessionFiles: string[] = [];
  try {
    if (input.sessionId !== undefined) sessionFiles = storedSessionFiles(root, input.sessionId);
  } catch {
    // Not a session id rad can store: the store is asked anyway, and says why.
  }
  const watch = watchFiles(root, context.config.dataDir, sessionFiles);
  const host = await openHost(context.config, { workspace: root, env: context.env, warnings: new Warnings(context.debug) });
  const out: StoredFigures = {};
  let cachedSession: ReadFigures['session'];
  if (input.sessionId !== undefined) {
    try {
      const session = await storedSessionUsage(host, input.sessionId);
      if (session?.usage) out.session = session.usage;
      else context.debug(`session ${input.sessionId} is not in ${root} (rad stats import claude-code brings it in).`);
      // A session folded from its journal may change as its recorder lives or dies: read again each time.
      if (sessionFiles.length > 0 && (session === undefined || session.fromReport)) cachedSession = { id: input.sessionId, usage: session?.usage ?? null };
    } catch (error) {
      context.debug(`this session could not be read: ${why(error)}`);
    }
  }
  try {
    out.today = await todayUsage(host, context.nowMs);
  } catch (error) {
    context.debug(`today's cost could not be read: ${why(error)}`);
    return out;
  }
  try {
    const figures: ReadFigures = { today: out.today, ...(cachedSession ? { session: cachedSession } : {}) };
    await writeStatusCache(watch, host, figures, context.env, context.nowMs);
  } catch (error) {
    context.debug(`the figures could not be cached: ${why(error)}`);
  }
  return out;
}

/**
 * What the status line shows for Claude Code's input: the store's figures where it has them, Claude
 * Code's own (its session cost, its limits) otherwise. Never throws: a part that fails is left out.
 */
export async function statusParts(input: StatusInput, context: StatusContext): Promise<StatusParts> {
  let stored: StoredFigures = {};
  try {
    stored = await fromStore(input, context);
  } catch (error) {
    context.debug(`the workspace could not be read: ${why(error)}`);
  }
  return composeParts(input, stored);
}
