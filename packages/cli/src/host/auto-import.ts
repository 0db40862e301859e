import type { Interfaces } from '@oclif/core';
import {
  ConfigError,
  ImportRunningError,
  RadiumError,
  escapeTerminal,
  formatInteger,
  globalWorkspaceRoot,
  hasNewLogs,
  isPluginEnabled,
  resolveImporters,
  runImport,
  type AnyImporter,
  type Host,
  type ImportSummary,
} from '@radium-stats/core';
import { progressFor } from '../output/import-progress.js';
import { IMPORTERS_HOOK, importerHook, runPluginHook } from './discover.js';

/** Environment variable that switches auto-import off for a shell (`RADIUM_NO_AUTO_IMPORT=1`). */
export const NO_AUTO_IMPORT_ENV = 'RADIUM_NO_AUTO_IMPORT';

/** True when the environment switches auto-import off: any value but empty or `0`. */
export function autoImportOff(env: NodeJS.ProcessEnv): boolean {
  const value = env[NO_AUTO_IMPORT_ENV]?.trim();
  return value !== undefined && value !== '' && value !== '0';
}

/** What `autoImport` needs besides the host. */
export interface AutoImportOptions {
  /** The loaded oclif config, to find the importers plugins provide. */
  config: Interfaces.Config;
  /** Environment for the agents' default folders. */
  env: NodeJS.ProcessEnv;
  /** True under `--json`: no progress bar and no note (warnings still go to stderr). */
  quiet: boolean;
}

/** The importers `import.auto` names, in its order; a name no installed importer has is a one-line ConfigError listing those that exist. */
function chosenImporters(ids: readonly string[], installed: readonly AnyImporter[]): AnyImporter[] {
  return [...new Set(ids)].map((id) => {
    const importer = installed.find((i) => i.id === id);
    if (importer) return importer;
    const known = installed.map((i) => i.id).join(', ') || 'none is installed';
    throw new ConfigError(`Config: \`import.auto\` names ${JSON.stringify(id)}, which is not an importer: use ${known} (or remove it).`);
  });
}

/**
 * The importers `import.auto` names, each asked for through its own hook (`importerHook`), which
 * loads only the plugins declaring it. A plugin of the CLI itself comes before any user plugin when
 * every importer is loaded, so its answer is the importer `rad stats import` would use; an id no CLI
 * plugin answers for has every importer loaded through IMPORTERS_HOOK instead.
 */
async function autoImporters(ids: readonly string[], config: Interfaces.Config, warn: (message: string) => void): Promise<AnyImporter[]> {
  const own = (config.pjson.oclif.plugins ?? []) as string[];
  const found = await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const answers = (await runPluginHook(config, importerHook(id), warn)).filter((candidate) => own.includes(candidate.source));
      return resolveImporters(answers, warn).find((importer) => importer.id === id);
    }),
  );
  if (found.every((importer) => importer !== undefined)) return found;
  return chosenImporters(ids, resolveImporters(await runPluginHook(config, IMPORTERS_HOOK, warn), warn));
}

function note(summary: ImportSummary): string | undefined {
  const { imported, updated } = summary.sessions;
  if (imported.length === 0 && updated.length === 0) return undefined;
  const n = imported.length;
  return `Imported ${formatInteger(n)} new session${n === 1 ? '' : 's'} from ${summary.title}${updated.length > 0 ? `, ${formatInteger(updated.length)} updated` : ''} (import.auto; --no-import skips).`;
}

/**
 * Brings the workspace up to date with the agents config lists under `import.auto`, before a view
 * answers: each agent's folders are listed and their files stat'ed, and only when one is new or
 * changed does the import run, reading just what is new. The global workspace imports the
 * sessions of every project; a project workspace those inside it. Output goes to stderr only.
 */
export async function autoImport(host: Host, options: AutoImportOptions): Promise<void> {
  const ids = host.config.import.auto;
  if (ids.length === 0) return;
  const warn = host.warnings.warn;
  const importers = await autoImporters(ids, options.config, warn);
  const allProjects = host.paths.root === globalWorkspaceRoot(options.env);
  for (const importer of importers) {
    // Switched off in config: that wins over being listed.
    if (!isPluginEnabled(host.config, importer.id, 'importers')) continue;
    if (!(await hasNewLogs(host, importer, { allProjects, env: options.env }))) continue;
    const progress = progressFor(importer.title, !options.quiet);
    try {
      const summary = await runImport(host, { importer, allProjects, env: options.env, onProgress: (p) => progress.update(p) });
      progress.stop();
      const text = note(summary);
      if (text && !options.quiet) process.stderr.write(`${escapeTerminal(text)}\n`);
    } catch (error) {
      progress.stop();
      // The other run brings the workspace up to date; this view answers with what is there.
      if (error instanceof ImportRunningError) continue;
      // A bad config is the user's to fix; a failed read or write (a full disk, a log folder gone unreadable) must not keep the view from answering.
      const recoverable = (error instanceof RadiumError && !(error instanceof ConfigError)) || (error instanceof Error && 'code' in error);
      if (!recoverable) throw error;
      warn(`Could not import new ${importer.title} logs (${error.message}); showing what was imported before: run \`rad stats import ${importer.id}\` to see why.`);
    }
  }
}
