import { realpathSync } from 'node:fs';
import path from 'node:path';
import { compareCodePoints } from '../format/compare-code-points.js';
import type { AnyImporter, FoundFile, ProjectScope } from './contract.js';
import { collect, isDirectory, statOrUndefined } from './found-files.js';
import { fingerprint } from './fingerprint.js';
import { sinceSkipReason, whollyBefore } from './since.js';
import type { ImportedFile, ImportedSession, ImportState } from './state.js';
import type { SearchedSource } from './summary.js';

/** A found file with what the run knows about it. */
export interface PlannedFile {
  /** The file as discovered, with `path` resolved to its real path (the state key). */
  found: FoundFile;
  size: number;
  mtimeMs: number;
  ino: number;
  /** What the last run recorded. */
  prior?: ImportedFile;
  /** `new`: never read; `grown`: read before, more bytes now; `replaced`: rewritten, read again from the start. */
  change: 'new' | 'unchanged' | 'grown' | 'replaced';
  /** Last record of its session when a `--since` run left it out and it has not changed since. */
  leftOutLastTs?: string;
}

/** The files of one session and what to do with them. */
export interface PlannedGroup {
  group: string;
  /** Files to consider, main transcript first. */
  files: PlannedFile[];
  /** The session the last run wrote for this group. */
  session?: ImportedSession;
  /** `build`: (re)import every file from the start; `resume`: read new bytes only; `unchanged`: nothing to do. */
  mode: 'build' | 'resume' | 'unchanged';
  /** Newest modification time among the files. */
  newestMtimeMs: number;
  /** Files the last run read for this group that were not found now (moved or deleted). */
  vanished: string[];
}

/** A file left out before reading, and why. */
export interface PlannedSkip {
  path: string;
  reason: string;
}

/** Everything a run found. */
export interface ImportPlan {
  sources: SearchedSource[];
  groups: PlannedGroup[];
  skips: PlannedSkip[];
  /** Files found (after removing the same file reached twice). */
  found: number;
}

/** The real path, or the path made absolute when it cannot be resolved (as before: the file is then found unreadable). */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

async function classify(file: FoundFile, prior: ImportedFile | undefined, size: number, mtimeMs: number, ino: number): Promise<PlannedFile['change']> {
  // Its session still holds what it gave before it was skipped: reading it on top would count that twice.
  if (prior?.rebuild) return prior.size === size && prior.mtimeMs === mtimeMs && prior.ino === ino ? 'unchanged' : 'replaced';
  if (!prior || prior.skipped) return 'new';
  if (prior.group !== file.group) return 'replaced';
  if (prior.size === size && prior.mtimeMs === mtimeMs && prior.ino === ino) return 'unchanged';
  if (prior.ino !== ino || size < prior.offset || file.format === 'json') return 'replaced';
  const now = await fingerprint(file.path, prior.offset).catch(() => undefined);
  return now && now.head === prior.head && now.tail === prior.tail ? 'grown' : 'replaced';
}

/** Journal size on disk, or -1 when it is gone. */
function journalSize(file: string): number {
  return statOrUndefined(file)?.size ?? -1;
}

/**
 * Finds the files of every source, drops the ones the importer or an earlier run ruled out (a
 * session an earlier `--since` run left out only while unchanged and wholly before this `--since`),
 * and decides per session whether to build it, resume it or leave it.
 */
export async function planImport(
  importer: AnyImporter,
  sources: string[],
  scope: ProjectScope,
  state: ImportState,
  scopeKey: string,
  journalFile: (sessionId: string) => string,
  warn: (message: string) => void,
  since?: Date,
): Promise<ImportPlan> {
  const plan: ImportPlan = { sources: [], groups: [], skips: [], found: 0 };
  const seen = new Set<string>();
  const byGroup = new Map<string, PlannedFile[]>();
  for (const source of sources) {
    const exists = await isDirectory(source);
    plan.sources.push({ path: source, exists });
    if (!exists) continue;
    let files: FoundFile[];
    try {
      files = await collect(importer, source, scope);
    } catch (error) {
      warn(`Importer ${importer.id} could not list ${source} (${(error as Error).message}); it was skipped.`);
      continue;
    }
    // Per file, a sync call each: thousands of thread-pool round trips cost more than the calls themselves.
    for (const file of files) {
      const real = realPath(file.path);
      if (seen.has(real)) continue;
      seen.add(real);
      plan.found += 1;
      if (file.skip) {
        plan.skips.push({ path: real, reason: file.skip });
        continue;
      }
      const stat = statOrUndefined(real);
      if (!stat?.isFile()) {
        plan.skips.push({ path: real, reason: 'unreadable' });
        continue;
      }
      const prior = state.files[real];
      const skippedAsIs = prior?.skipped !== undefined && prior.scope === scopeKey && prior.size === stat.size && prior.mtimeMs === stat.mtimeMs && prior.ino === stat.ino;
      // A --since skip depends on this run's --since and on the whole group: decided per group below.
      if (skippedAsIs && prior.lastTs === undefined && !prior.rebuild) {
        plan.skips.push({ path: real, reason: prior.skipped! });
        continue;
      }
      const found = { ...file, path: real };
      const change = await classify(found, prior, stat.size, stat.mtimeMs, stat.ino);
      const list = byGroup.get(file.group) ?? [];
      const leftOut = skippedAsIs && prior.lastTs !== undefined ? { leftOutLastTs: prior.lastTs } : {};
      list.push({ found, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, prior: prior?.skipped ? undefined : prior, change, ...leftOut });
      byGroup.set(file.group, list);
    }
  }
  const readBefore = new Map<string, string[]>();
  for (const [file, entry] of Object.entries(state.files)) {
    if (entry.skipped && !entry.rebuild) continue;
    const list = readBefore.get(entry.group) ?? [];
    list.push(file);
    readBefore.set(entry.group, list);
  }
  for (const [group, files] of byGroup) {
    files.sort((a, b) => a.found.part - b.found.part || compareCodePoints(a.found.path, b.found.path));
    const session = state.sessions[group];
    if (!session && since && files.every((f) => f.leftOutLastTs !== undefined && whollyBefore(f.leftOutLastTs, since))) {
      for (const f of files) plan.skips.push({ path: f.found.path, reason: sinceSkipReason(since) });
      continue;
    }
    const vanished = (readBefore.get(group) ?? []).filter((file) => !seen.has(file));
    let mode: PlannedGroup['mode'];
    // A new file where a known one vanished is that file moved (a rollout archived): read it all again, not on top.
    const moved = vanished.length > 0 && files.some((f) => f.change === 'new');
    if (!session || moved || files.some((f) => f.change === 'replaced')) mode = 'build';
    else if (journalSize(journalFile(session.id)) !== session.journalSize) mode = 'build';
    else mode = files.some((f) => f.change !== 'unchanged') ? 'resume' : 'unchanged';
    const newestMtimeMs = Math.max(...files.map((f) => f.mtimeMs));
    plan.groups.push({ group, files, ...(session ? { session } : {}), mode, newestMtimeMs, vanished });
  }
  return plan;
}
