import { existsSync } from 'node:fs';
import type { Interfaces } from '@oclif/core';
import { Warnings, WorkspacePaths } from '@radium-stats/core';
import { openHost } from '../host/open-host.js';
import { statusWorkspace } from './find-workspace.js';
import type { StatusInput } from './input.js';
import type { StatusParts } from './render.js';
import { storedSessionUsage, todayUsage } from './store-usage.js';
import type { StatusUsage } from './usage.js';

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

/** This session and today as the store holds them; nothing when there is no workspace or no store yet. */
async function fromStore(input: StatusInput, context: StatusContext): Promise<{ session?: StatusUsage; today?: StatusUsage }> {
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
  const host = await openHost(context.config, { workspace: root, env: context.env, warnings: new Warnings(context.debug) });
  const out: { session?: StatusUsage; today?: StatusUsage } = {};
  if (input.sessionId !== undefined) {
    try {
      const session = await storedSessionUsage(host, input.sessionId);
      if (session) out.session = session;
      else context.debug(`session ${input.sessionId} is not in ${root} (rad stats import claude-code brings it in).`);
    } catch (error) {
      context.debug(`this session could not be read: ${why(error)}`);
    }
  }
  try {
    out.today = await todayUsage(host, context.nowMs);
  } catch (error) {
    context.debug(`today's cost could not be read: ${why(error)}`);
  }
  return out;
}

/**
 * What the status line shows for Claude Code's input: the store's figures where it has them, Claude
 * Code's own (its session cost, its limits) otherwise. Never throws: a part that fails is left out.
 */
export async function statusParts(input: StatusInput, context: StatusContext): Promise<StatusParts> {
  let stored: Awaited<ReturnType<typeof fromStore>> = {};
  try {
    stored = await fromStore(input, context);
  } catch (error) {
    context.debug(`the workspace could not be read: ${why(error)}`);
  }
  const parts: StatusParts = {};
  if (input.model !== undefined) parts.model = input.model;
  const session = stored.session ?? (input.costUsd !== undefined ? { costUsd: input.costUsd, complete: true } : undefined);
  if (session) parts.session = session;
  if (stored.today) parts.today = stored.today;
  if (stored.session?.hitRate !== undefined) parts.cache = { rate: stored.session.hitRate, of: 'session' };
  else if (stored.today?.hitRate !== undefined) parts.cache = { rate: stored.today.hitRate, of: 'today' };
  if (input.fiveHourPercent !== undefined) parts.fiveHourPercent = input.fiveHourPercent;
  if (input.sevenDayPercent !== undefined) parts.sevenDayPercent = input.sevenDayPercent;
  return parts;
}
