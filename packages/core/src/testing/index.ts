import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import '../zod-setup.js';
import { initWorkspace } from '../workspace/init.js';
import { createHost, type Host } from '../host/create-host.js';
import { Warnings } from '../host/warnings.js';
import type { AnyMetricPlugin, HostServices } from '../plugin/contract.js';
import type { SessionEvent } from '../events/schema.js';
import { parseEvent } from '../events/parse.js';
import { createGit } from '../host/git.js';

/** A new empty folder under the system temp dir (real path, so comparisons with cwd hold). */
export function tempDir(prefix = 'rad-stats-'): string {
  return realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
}

/** A new workspace with `.radium` initialised. */
export async function tempWorkspace(): Promise<string> {
  const dir = tempDir();
  await initWorkspace(dir);
  return dir;
}

/** Warnings that are collected instead of printed. */
export function collectingWarnings(): Warnings {
  return new Warnings(() => {});
}

/** A host over a temp workspace with collected warnings, for plugin and pipeline tests. */
export async function testHost(plugins: AnyMetricPlugin[], options: { workspace?: string; env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<Host> {
  const workspace = options.workspace ?? (await tempWorkspace());
  return createHost({
    workspace,
    plugins,
    env: options.env ?? {},
    warnings: collectingWarnings(),
    ...(options.now ? { clock: options.now } : {}),
  });
}

/** Services for a collector under test; prices come from the given overrides or the real table. */
export function testServices(workspace: string, warnings: Warnings = collectingWarnings()): HostServices {
  let prices: ReturnType<HostServices['prices']> | undefined;
  return {
    prices: () => (prices ??= import('../pricing/service.js').then((m) => m.createPriceService({}, warnings.warn))),
    git: () => createGit(workspace),
    warn: warnings.warn,
  };
}

/** Builds validated events from terse inputs, for tests. */
export function events(...inputs: Record<string, unknown>[]): SessionEvent[] {
  return inputs.map((e) => parseEvent(e));
}
export * from './count-plugin.js';
export * from './tally-plugin.js';
export * from './fold-with.js';
export * from './calls-plugin.js';
