import * as fs from 'node:fs';
import { checkSessionFile } from '../store/session-file.js';
import { readChanges } from './change-log.js';
import { journalOnly, type IndexState } from './build.js';
import type { IndexDeps } from './deps.js';
import type { BrokenEntry, Manifest, SegmentMeta } from './manifest.js';
import { compareNewestFirst, type SessionKey } from './order.js';
import { covers, sameLog, type Probe } from './probe.js';
import { throttledProgress } from './progress.js';
import { readEntry } from './read-entry.js';
import { rowKey, sortRows, type Row } from './rows.js';
import { scanSessions, type SessionNames } from './scan.js';
import { SEGMENT_ROWS, chunkRows, describeSegment, storeSegment, type SegmentRef } from './segment-build.js';
import { readSegmentKeys } from './segment-files.js';
import { loadSegmentRows } from './segment-rows.js';
import { fileStamp, sameDir, sameFile, type FileStamp } from './stamps.js';
import { pickSections } from '../database/summary.js';

/** Most changed reports a repair re-reads; more, and the index is rebuilt (streaming) instead. */
export const MAX_CHANGED_ROWS = 4 * SEGMENT_ROWS;

interface Located extends FileStamp {
  segment: number;
}

/** Where every indexed id lives, from the segments' small key files (never their rows). */
function locate(indexDir: string, manifest: Manifest): Map<string, Located> {
  const located = new Map<string, Located>();
  manifest.segments.forEach((meta, segment) => {
    const keys = readSegmentKeys(indexDir, meta);
    for (let i = 0; i < keys.ids.length; i++) located.set(keys.ids[i]!, { segment, size: keys.sizes[i]!, mtimeMs: keys.mtimes[i]! });
  });
  return located;
}

/** Ids written by our own writers since the manifest, or `everything` when the log was replaced or cut (then every file is checked). */
function loggedChanges(indexDir: string, manifest: Manifest, probe: Probe): { ids: Set<string>; log: Manifest['log']; everything: boolean } {
  if (sameLog(manifest.log, probe.log) || probe.log === null) return { ids: new Set(), log: probe.log, everything: !sameLog(manifest.log, probe.log) };
  const old = manifest.log;
  if (old !== null && (old.ino !== probe.log.ino || probe.log.size < old.size)) return { ids: new Set(), log: probe.log, everything: true };
  const { ids, end } = readChanges(indexDir, old?.size ?? 0, probe.log.size);
  return { ids, log: { size: end, ino: probe.log.ino }, everything: false };
}

/**
 * True when the listing or the change log accounts for the folder's new stamp. When nothing does,
 * someone replaced a report under its own name (an editor saving via rename, say) without telling
 * us, so every report is checked.
 */
function explained(old: Manifest, names: SessionNames, namesOrLogged: number): boolean {
  if (namesOrLogged > 0) return true;
  const journals = journalOnly(names);
  return journals.length !== old.journals.length || journals.some((id, i) => id !== old.journals[i]);
}

/**
 * The rows of a segment being rewritten; one stored without rows (an older segment of a full
 * build) is read from its reports, and a report that can no longer be read joins `broken`.
 */
async function loadBase(deps: IndexDeps, meta: SegmentMeta, broken: Map<string, BrokenEntry>): Promise<Row[]> {
  const loaded = await loadSegmentRows(deps, meta);
  for (const entry of loaded.broken) broken.set(entry.id, entry);
  return loaded.rows;
}

/** The segment a key belongs to: the first whose oldest key is not newer than it, else the last. */
function route(manifest: Manifest, key: SessionKey): number {
  const segments = manifest.segments;
  for (let i = 0; i < segments.length; i++) if (compareNewestFirst(key, segments[i]!.oldest as SessionKey) <= 0) return i;
  return segments.length - 1;
}

/**
 * Brings an index up to date with the sessions folder, touching only what changed: the folder is
 * listed only when its stamp moved, files are stat'ed only when new, logged by our writers or
 * asked for (`verify`), and only segments holding a changed session are rewritten. Segments
 * summarized by other plugin code (a plugin upgraded or enabled) are re-read whole. Returns
 * undefined when so many reports changed that a (memory-bounded) rebuild should be done instead.
 */
export async function repairIndex(
  deps: IndexDeps,
  old: Manifest,
  oldSegments: SegmentRef[],
  probe: Probe,
  verify: ReadonlySet<string>,
  persist: boolean,
): Promise<IndexState | undefined> {
  const indexDir = deps.paths.indexDir;
  const located = locate(indexDir, old);
  const brokenBefore = new Map(old.broken.map((b) => [b.id, b]));
  const logged = loggedChanges(indexDir, old, probe);
  const names: SessionNames | undefined = !sameDir(old.sessions, probe.sessions) || logged.everything ? scanSessions(deps.paths.sessionsDir) : undefined;

  const check = new Set<string>(verify);
  const removed = new Set<string>();
  if (names) {
    let added = 0;
    for (const id of names.reports) {
      if (located.has(id)) continue;
      check.add(id);
      if (!brokenBefore.has(id)) added += 1;
    }
    for (const id of located.keys()) if (!names.reports.has(id)) removed.add(id);
    const moved = old.sessions === null || probe.sessions === null || old.sessions.mtimeMs !== probe.sessions.mtimeMs || old.sessions.ino !== probe.sessions.ino;
    if (logged.everything || (moved && !explained(old, names, added + removed.size + logged.ids.size))) for (const id of names.reports) check.add(id);
  }
  for (const id of logged.ids) check.add(id);
  const reread = new Set<string>();
  const stale = new Set<number>();
  old.segments.forEach((meta, i) => {
    if (!covers(meta, deps.plugins)) stale.add(i);
  });
  if (stale.size > 0) for (const [id, at] of located) if (stale.has(at.segment)) reread.add(id);

  const changed = new Map<string, Row>();
  const broken = new Map<string, BrokenEntry>(brokenBefore);
  const toRead: string[] = [];
  for (const id of new Set([...check, ...reread])) {
    if (removed.has(id)) continue;
    const file = deps.paths.reportFile(id);
    const stamp = fileStamp(file, deps.now());
    // No stamp and yet something there (a directory, FIFO, dangling link): read, so it stays broken and warned about.
    if (!stamp && checkSessionFile(fs, file, Infinity).kind === 'gone') {
      if (located.has(id)) removed.add(id);
      broken.delete(id);
    } else if (!stamp || reread.has(id) || !sameFile(located.get(id) ?? brokenBefore.get(id), stamp)) {
      toRead.push(id);
    }
  }
  // Changed rows are held until they are placed; past this many, a streaming rebuild is cheaper on memory.
  if (toRead.length > MAX_CHANGED_ROWS) return undefined;
  const tick = throttledProgress(toRead.length > SEGMENT_ROWS ? deps.progress : undefined, toRead.length);
  for (let i = 0; i < toRead.length; i++) {
    const id = toRead[i]!;
    const result = await readEntry(deps.store, deps.plugins, deps.warn, id, deps.now());
    tick(i + 1);
    if (i % 500 === 499) deps.onBusy?.();
    if ('row' in result) {
      changed.set(id, result.row);
      broken.delete(id);
    } else {
      if (located.has(id)) removed.add(id);
      if ('broken' in result) broken.set(id, result.broken);
      else broken.delete(id);
    }
  }
  if (names) for (const id of broken.keys()) if (!names.reports.has(id)) broken.delete(id);

  // Which segments change: those losing a row, those whose plugins changed, those gaining a row.
  const affected = new Set<number>(stale);
  for (const id of [...removed, ...changed.keys()]) {
    const at = located.get(id);
    if (at) affected.add(at.segment);
  }
  const routed = new Map<number, Row[]>();
  for (const row of changed.values()) {
    const segment = route(old, rowKey(row));
    routed.set(segment, [...(routed.get(segment) ?? []), row]);
    affected.add(segment);
  }

  const segments: SegmentRef[] = [];
  const dropped: string[] = [];
  const keep = (row: Row) => !removed.has(row.id) && !changed.has(row.id);
  // With `persist`, each rewritten segment is written at once and its rows let go, so a repair
  // touching every segment still holds one segment's rows at a time.
  const place = (rows: Row[]) => {
    for (const chunk of rows.length > 2 * SEGMENT_ROWS ? chunkRows(rows) : rows.length > 0 ? [rows] : []) {
      const segment = describeSegment(chunk, deps.plugins);
      if (persist) {
        storeSegment(indexDir, segment);
        delete segment.rows;
      }
      segments.push(segment);
    }
  };
  if (old.segments.length === 0) place(sortRows(routed.get(-1) ?? []));
  for (const [i, meta] of old.segments.entries()) {
    if (!affected.has(i)) {
      segments.push(oldSegments[i] ?? { meta });
      continue;
    }
    dropped.push(meta.name);
    // A stale segment's sessions were all re-read above: none of its old rows would be kept.
    const rows = stale.has(i) ? [] : (oldSegments[i]?.rows ?? (await loadBase(deps, meta, broken)));
    const base = rows.filter(keep).map((row) => ({ ...row, summary: pickSections(row.summary, deps.plugins) }));
    place(sortRows([...base, ...(routed.get(i) ?? [])]));
  }

  const now = deps.now();
  const manifest: Manifest = {
    ...old,
    sessions: probe.sessions,
    log: logged.log,
    segments: segments.map((s) => s.meta),
    journals: names ? journalOnly(names) : old.journals,
    broken: [...broken.values()],
    retired: [...old.retired, ...dropped.map((name) => ({ name, at: now }))],
  };
  return { manifest, segments };
}
