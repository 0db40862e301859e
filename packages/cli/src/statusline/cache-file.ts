import { statSync } from 'node:fs';
import path from 'node:path';
import { WorkspacePaths } from '@radium-stats/core/light';
import type { StoredFigures } from './compose-parts.js';
import { localDay, type DayRange } from './local-day.js';
import type { StatusUsage } from './usage.js';

// The status line's cache, `.radium/_internals/statusline.json`: the store's figures the line shows
// (today, recent sessions) with the stamps of every file they were read from. `rad statusline` runs
// after every message; while the stamps hold, it answers from here without loading oclif or core.
// Node built-ins only: the cached answer imports this.

/** Format of the cache; a file of another version is not read (and is written again). */
export const CACHE_VERSION = 1;

/**
 * How recent a modification time must be for it not to be trusted: the store's rule (core's RACY_MS).
 * A second write within the file system's time tick would leave size and time unchanged.
 */
export const RACY_MS = 2_000;

/** Environment variables that change the figures: config laid over the workspace file, plugins switched off. */
export const FIGURE_ENV = ['RADIUM_STATS_CONFIG', 'RADIUM_STATS_DISABLE'] as const;

/** Size, modification time and inode of a file or folder; null when it is not there. */
export type Stamp = [size: number, mtimeMs: number, ino: number] | null;

/** A session's figures as the cache holds them; `usage` null: the store does not hold the session. */
export interface CachedSession {
  id: string;
  usage: StatusUsage | null;
  /** Its report and journal, read directly (not through the store). */
  files: [file: string, stamp: Stamp][];
}

/** The cache file's content. */
export interface StatusCache {
  /** CACHE_VERSION of the writer. */
  v: number;
  /** Workspace root the figures are of. */
  root: string;
  /** The local day `today` is of (time zone included: its midnights). */
  day: DayRange;
  /** Values of FIGURE_ENV (null: unset). */
  env: (string | null)[];
  /** The store, its sessions folder, config, installed plugins and the code and price data that made the figures. */
  files: [file: string, stamp: Stamp][];
  /** SQLite's write-ahead log: an empty one is as good as none (it is made empty when the store is opened). */
  wal: [file: string, stamp: Stamp];
  /** Files the store reads again at every sync when they changed (see SessionCatalog.recheckedFiles), with the size and time it read them with. */
  rechecked: [file: string, size: number | null, mtimeMs: number | null][];
  /** Today's usage from the store. */
  today: StatusUsage;
  /** The most recent sessions asked about, newest first. */
  sessions: CachedSession[];
}

/** The cache file of a workspace. */
export const statusCacheFile = (root: string): string => path.join(path.dirname(new WorkspacePaths(root).databaseFile), 'statusline.json');

/** A file's stamp; throws only when it cannot be looked at (then nothing is proven). */
export function stampOf(file: string): Stamp {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? [stat.size, stat.mtimeMs, stat.ino] : null;
}

/** The write-ahead log's stamp: empty counts as absent. */
export function walStampOf(file: string): Stamp {
  const stamp = stampOf(file);
  return stamp === null || stamp[0] === 0 ? null : stamp;
}

/** True when two stamps are of the same file unchanged (or both say it is not there). */
export const sameStamp = (a: Stamp, b: Stamp): boolean => (a === null || b === null ? a === b : a[0] === b[0] && a[1] === b[1] && a[2] === b[2]);

/** True when a stamp's time is too recent to prove that no later write shares it. */
export const isRacy = (stamp: Stamp, nowMs: number): boolean => stamp !== null && stamp[1] > nowMs - RACY_MS;

/** FIGURE_ENV's values in `env`. */
export const figureEnv = (env: NodeJS.ProcessEnv): (string | null)[] => FIGURE_ENV.map((name) => env[name] ?? null);

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isArray = Array.isArray as (v: unknown) => v is unknown[];
const isStamp = (v: unknown): v is Stamp => v === null || (isArray(v) && v.length === 3 && v.every(isNumber));
const isFileStamp = (v: unknown): v is [string, Stamp] => isArray(v) && v.length === 2 && typeof v[0] === 'string' && isStamp(v[1]);
const isNullableNumber = (v: unknown): v is number | null => v === null || isNumber(v);
const isUsage = (v: unknown): v is StatusUsage => {
  const u = v as Partial<StatusUsage> | null;
  return typeof u === 'object' && u !== null && isNumber(u.costUsd) && typeof u.complete === 'boolean' && (u.hitRate === undefined || isNumber(u.hitRate));
};
const isSession = (v: unknown): v is CachedSession => {
  const s = v as Partial<CachedSession> | null;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && (s.usage === null || isUsage(s.usage)) && isArray(s.files) && s.files.every(isFileStamp);
};

/** The cache's content when `text` is a cache of this version; undefined for anything else (corrupt, older, hand-edited into another shape). */
export function parseStatusCache(text: string): StatusCache | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const c = json as Partial<StatusCache> | null;
  if (typeof c !== 'object' || c === null || c.v !== CACHE_VERSION || typeof c.root !== 'string') return undefined;
  if (!isArray(c.day) || c.day.length !== 2 || !c.day.every(isNumber)) return undefined;
  if (!isArray(c.env) || c.env.length !== FIGURE_ENV.length || !c.env.every((v) => v === null || typeof v === 'string')) return undefined;
  if (!isArray(c.files) || !c.files.every(isFileStamp) || !isFileStamp(c.wal)) return undefined;
  const isRechecked = (v: unknown) => isArray(v) && v.length === 3 && typeof v[0] === 'string' && isNullableNumber(v[1]) && isNullableNumber(v[2]);
  if (!isArray(c.rechecked) || !c.rechecked.every(isRechecked)) return undefined;
  if (!isUsage(c.today) || !isArray(c.sessions) || !c.sessions.every(isSession)) return undefined;
  return c as StatusCache;
}

/** True when the files the store would read again match what it read (as its sync decides: same size and time, not too recent), so a sync would read nothing. */
function storeWouldReadNothing(rechecked: StatusCache['rechecked'], nowMs: number): boolean {
  return rechecked.every(([file, size, mtimeMs]) => {
    const now = stampOf(file);
    if (size === null) return now === null;
    return now !== null && now[0] === size && now[1] === mtimeMs && !isRacy(now, nowMs);
  });
}

/** True when the cache's figures are those the store gives now for this workspace, day and environment. */
export function cacheHolds(cache: StatusCache, root: string, env: NodeJS.ProcessEnv, nowMs: number): boolean {
  const [start, end] = localDay(nowMs);
  if (cache.root !== root || cache.day[0] !== start || cache.day[1] !== end) return false;
  if (figureEnv(env).some((value, i) => value !== cache.env[i])) return false;
  if (!cache.files.every(([file, stamp]) => sameStamp(stampOf(file), stamp))) return false;
  if (!sameStamp(walStampOf(cache.wal[0]), cache.wal[1])) return false;
  return storeWouldReadNothing(cache.rechecked, nowMs);
}

/**
 * The store's figures for this session and today as the cache holds them, or undefined when the
 * cache cannot prove them current (or does not know the session): then the full command answers.
 */
export function cachedFigures(cache: StatusCache, root: string, sessionId: string | undefined, env: NodeJS.ProcessEnv, nowMs: number): StoredFigures | undefined {
  if (!cacheHolds(cache, root, env, nowMs)) return undefined;
  const figures: StoredFigures = { today: cache.today };
  if (sessionId === undefined) return figures;
  const session = cache.sessions.find((s) => s.id === sessionId);
  if (!session?.files.every(([file, stamp]) => sameStamp(stampOf(file), stamp))) return undefined;
  if (session.usage !== null) figures.session = session.usage;
  return figures;
}
