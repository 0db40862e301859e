import { statSync, writeFileSync } from 'node:fs';
import { importSources, type AnyImporter } from '@radium-stats/core';

/** The importers with a default log folder on this machine (`HOME` and the agents' own variables decide where). */
export function importersWithLogs(importers: readonly AnyImporter[], env: NodeJS.ProcessEnv): AnyImporter[] {
  return importers.filter((importer) => importSources(importer, { env }).some((dir) => statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false));
}

/** Writes a new workspace's config with `import.auto` set to these ids; never replaces a config file that exists. */
export function writeAutoImportConfig(configFile: string, ids: readonly string[]): void {
  writeFileSync(configFile, `${JSON.stringify({ import: { auto: ids } }, null, 2)}\n`, { flag: 'wx' });
}
