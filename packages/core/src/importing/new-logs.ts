import { realpathSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Host } from '../host/create-host.js';
import type { AnyImporter, FoundFile, ProjectScope } from './contract.js';
import { collect, isDirectory, statOrUndefined } from './found-files.js';
import { recordedSource, type RecordedFile } from './recorded-files.js';
import { projectScope } from './scope.js';
import { nodeCrypto } from '../node-crypto.js';

/** Where and what `hasNewLogs` looks for: the same options `runImport` takes. */
export interface NewLogsOptions {
  /** Folders to search; the importer's default folders when empty. */
  sources?: string[];
  /** Count the sessions of every project, not only those inside the workspace. */
  allProjects?: boolean;
  /** Environment for default folders; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Home directory for default folders; defaults to the user's. */
  home?: string;
}

/** The folders an import with these options searches, absolute (`runImport` searches the same). */
export function importSources(importer: AnyImporter, options: NewLogsOptions): string[] {
  const sources = options.sources?.length ? options.sources : importer.defaultSources({ env: options.env ?? process.env, home: options.home ?? homedir() });
  return sources.map((s) => path.resolve(s));
}

/** The record of a file: state keys are real paths, resolved only when the path as found is not one (it almost always is). */
function recordOf(recorded: ReadonlyMap<string, RecordedFile>, file: string): RecordedFile | undefined {
  const direct = recorded.get(file);
  if (direct) return direct;
  try {
    return recorded.get(realpathSync.native(file));
  } catch {
    return undefined;
  }
}

/** True when an import with this scope would leave the file as it is, going by its stat alone. */
function settled(record: RecordedFile | undefined, stat: Stats, scopeKey: string): boolean {
  if (!record || record.size !== stat.size || record.mtimeMs !== stat.mtimeMs || record.ino !== stat.ino) return false;
  if (record.status === 'read') return true;
  // Left out by --since: a run without it (as this one is) reads the file.
  if (record.status === 'since') return false;
  return record.scope === scopeKey;
}

interface ListedFile {
  path: string;
  stat: Stats;
}

/** The files an import would look at, stat'ed; undefined when a folder cannot be listed (the import then says why). */
async function listedFiles(importer: AnyImporter, options: NewLogsOptions, scope: ProjectScope): Promise<ListedFile[] | undefined> {
  const out: ListedFile[] = [];
  for (const source of importSources(importer, options)) {
    if (!(await isDirectory(source))) continue;
    let files: FoundFile[];
    try {
      files = await collect(importer, source, scope);
    } catch {
      return undefined;
    }
    for (const file of files) {
      // A file the importer rules out by its path is never read.
      if (file.skip) continue;
      const stat = statOrUndefined(file.path);
      // The import could not read it either.
      if (stat?.isFile()) out.push({ path: file.path, stat });
    }
  }
  return out;
}

/** A digest of a listing: every file's path, size, modification time and inode, and the scope it was listed for. */
function listingDigest(files: readonly ListedFile[], scopeKey: string): string {
  // The numbers go in as their 8 bytes: writing thousands of them out as text cost more than the hashing.
  const numbers = new Float64Array(files.length * 3);
  files.forEach(({ stat }, i) => {
    numbers[i * 3] = stat.size;
    numbers[i * 3 + 1] = stat.mtimeMs;
    numbers[i * 3 + 2] = stat.ino;
  });
  const names = `${scopeKey}\n${files.map((f) => f.path).join('\0')}`;
  return nodeCrypto().createHash('sha1').update(names).update(numbers).digest('hex');
}

/**
 * True when the importer's folders hold a log file an import would read: one the last run did not
 * record, or one whose size, modification time or inode changed since. Lists folders and stats
 * files; reads none of them. A folder that does not exist has nothing new. A listing found to hold
 * nothing new is noted in the import state, so that the same listing next time costs one row, not
 * a lookup per file.
 */
export async function hasNewLogs(host: Host, importer: AnyImporter, options: NewLogsOptions = {}): Promise<boolean> {
  const scope = projectScope(host.paths.root, options.allProjects ?? false);
  const scopeKey = scope.workspace ?? '*';
  const files = await listedFiles(importer, options, scope);
  if (files === undefined) return true;
  if (files.length === 0) return false;
  const digest = listingDigest(files, scopeKey);
  const recorded = recordedSource(host, importer.id);
  try {
    if (recorded.settled(digest)) return false;
    const records = recorded.files();
    if (files.some((f) => !settled(recordOf(records, f.path), f.stat, scopeKey))) return true;
    recorded.noteSettled(digest);
    return false;
  } finally {
    recorded.close();
  }
}
