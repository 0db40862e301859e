import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { WorkspacePaths, priceTableManifestFile, removeStaleTemps, tempPathFor, type Host } from '@radium-stats/core';
import {
  CACHE_VERSION,
  figureEnv,
  isRacy,
  parseStatusCache,
  sameStamp,
  stampOf,
  statusCacheFile,
  walStampOf,
  type Stamp,
  type StatusCache,
} from './cache-file.js';
import { localDay } from './local-day.js';
import type { StatusUsage } from './usage.js';

/** Sessions the cache remembers: Claude Code windows open at once, each asking after every message. */
const MAX_SESSIONS = 8;

/** Files whose stamps were taken before the figures were read; equal stamps after prove nothing wrote meanwhile. */
export interface CacheWatch {
  /** Workspace root. */
  root: string;
  /** Files stamped exactly (see StatusCache.files). */
  files: string[];
  /** The store's write-ahead log. */
  wal: string;
  /** The session's report and journal; none when its id is not one rad can store. */
  sessionFiles: string[];
  /** Stamps of files, wal and sessionFiles, in that order, taken before anything was read. */
  before: Stamp[];
}

/** What the full command read: today's figures, and this session's when they can be cached (undefined: leave it out). */
export interface ReadFigures {
  /** Today's usage from the store. */
  today: StatusUsage;
  /** The session Claude Code asked about; usage null when the store does not hold it. */
  session?: { id: string; usage: StatusUsage | null };
}

const stampsOf = (watch: CacheWatch): Stamp[] => [...watch.files.map(stampOf), walStampOf(watch.wal), ...watch.sessionFiles.map(stampOf)];

/**
 * Stamps every file the figures depend on, before they are read: the store and its sessions folder,
 * the config, the installed plugins (`dataDir`), the code and price data, and the session's own files.
 */
export function watchFiles(root: string, dataDir: string, sessionFiles: readonly string[]): CacheWatch {
  const paths = new WorkspacePaths(root);
  const require = createRequire(import.meta.url);
  // An upgrade of rad or of the price data may change any figure.
  const code = [require.resolve('@radium-stats/core'), require.resolve('@radium-stats/cli/package.json'), priceTableManifestFile()];
  const files = [paths.databaseFile, paths.sessionsDir, paths.configFile, path.join(dataDir, 'package.json'), ...code.filter((f): f is string => f !== undefined)];
  const watch: CacheWatch = { root, files, wal: `${paths.databaseFile}-wal`, sessionFiles: [...sessionFiles], before: [] };
  watch.before = stampsOf(watch);
  return watch;
}

/** The cache file's content, or undefined when it is missing or unusable. */
function previousCache(file: string): StatusCache | undefined {
  try {
    return parseStatusCache(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache after the full command read `figures`, when it can prove them current: nothing
 * the figures depend on changed while they were read (the store's own sync wrote nothing either),
 * nothing was written too recently to trust its stamp, and no session is live (the store reads those
 * at every run). Sessions remembered from a cache of the same store state are kept.
 */
export async function writeStatusCache(watch: CacheWatch, host: Host, figures: ReadFigures, env: NodeJS.ProcessEnv, nowMs: number): Promise<boolean> {
  const rechecked = await host.catalog.recheckedFiles();
  if (rechecked === undefined) return false;
  const after = stampsOf(watch);
  const writtenAt = Date.now();
  if (after.some((stamp, i) => !sameStamp(stamp, watch.before[i]!) || isRacy(stamp, writtenAt))) return false;
  const fileCount = watch.files.length;
  const cache: StatusCache = {
    v: CACHE_VERSION,
    root: watch.root,
    day: localDay(nowMs),
    env: figureEnv(env),
    files: watch.files.map((file, i) => [file, after[i]!]),
    wal: [watch.wal, after[fileCount]!],
    rechecked: rechecked.map((r) => [r.file, r.size, r.mtimeMs]),
    today: figures.today,
    sessions: [],
  };
  if (figures.session) {
    const sessionStamps = after.slice(fileCount + 1);
    cache.sessions.push({ ...figures.session, files: watch.sessionFiles.map((file, i) => [file, sessionStamps[i]!]) });
  }
  const file = statusCacheFile(watch.root);
  const previous = previousCache(file);
  if (previous && sameState(previous, cache)) {
    const kept = previous.sessions.filter((s) => !cache.sessions.some((c) => c.id === s.id));
    cache.sessions.push(...kept.slice(0, MAX_SESSIONS - cache.sessions.length));
  }
  await replaceFile(file, `${JSON.stringify(cache)}\n`);
  return true;
}

/** Writes `file` whole through a temp file and a rename, so a status line run in another window reads the old cache or the new, never half of one. */
async function replaceFile(file: string, text: string): Promise<void> {
  await removeStaleTemps(path.dirname(file), path.basename(file));
  const temp = tempPathFor(file);
  try {
    // No fsync: a cache lost to a power cut is made again by the next run.
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** True when two caches were written over the same store state, so the sessions of one hold for the other. */
function sameState(a: StatusCache, b: StatusCache): boolean {
  const key = (c: StatusCache) => JSON.stringify([c.root, c.day, c.env, c.files, c.wal, c.rechecked, c.today]);
  return key(a) === key(b);
}
