import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { SegmentMeta } from './manifest.js';
import { IndexUnreadableError, rowKey, type Row } from './rows.js';

/**
 * A segment's ids and stamps in history order, with where each row's line sits in the rows file.
 * Repairs read only these; the rows file may hold its lines in any order (a streaming build
 * appends them as reports are read), so readers go through the offsets.
 */
export interface SegmentKeys {
  ids: string[];
  /** Start time (ms) of each session, so ids can be listed in history order without reading rows. */
  starts: number[];
  sizes: number[];
  mtimes: number[];
  offsets: number[];
  lengths: number[];
}

/** A segment's sections merged per plugin: what merged views read instead of rows. */
export interface SegmentMerged {
  /** Plugin id to the merge of its sections over the segment, and how many sessions had one. */
  merged: Record<string, { section: unknown; sessions: number }>;
  /** Plugin id to the error its merge threw, repeated as a warning when the merge is used. */
  failed: Record<string, string>;
}

/** Path of a segment's keys file. */
export const keysPath = (dir: string, name: string) => path.join(dir, `${name}.keys.json`);
/** Path of a segment's rows file. */
export const rowsPath = (dir: string, name: string) => path.join(dir, `${name}.rows.jsonl`);

/** Path of a segment's merged-sections file. */
export const mergedPath = (dir: string, name: string) => path.join(dir, `${name}.merged.json`);

/** The file names of a segment. */
export function segmentFileNames(name: string): string[] {
  return [`${name}.keys.json`, `${name}.rows.jsonl`, `${name}.merged.json`];
}

/** A fresh segment name; names are never reused, so a segment's files never change once written. */
export function newSegmentName(): string {
  return `seg-${Date.now().toString(36)}-${randomBytes(5).toString('hex')}`;
}

function readChecked(file: string, bytes: number): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new IndexUnreadableError(`${file}: ${(error as Error).message}`);
  }
  if (data.length !== bytes) throw new IndexUnreadableError(`${file}: ${data.length} bytes, the manifest says ${bytes}`);
  return data;
}

/** Reads a segment's ids, stamps and row offsets. */
export function readSegmentKeys(dir: string, meta: SegmentMeta): SegmentKeys {
  const data = readChecked(keysPath(dir, meta.name), meta.bytes.keys);
  let keys: SegmentKeys;
  try {
    keys = JSON.parse(data.toString('utf8')) as SegmentKeys;
  } catch {
    throw new IndexUnreadableError(`${meta.name}: keys are not valid JSON`);
  }
  const n = meta.count;
  const columns = [keys?.ids, keys?.starts, keys?.sizes, keys?.mtimes, keys?.offsets, keys?.lengths];
  if (columns.some((c) => !Array.isArray(c) || c.length !== n)) throw new IndexUnreadableError(`${meta.name}: keys do not match the manifest`);
  for (let i = 0; i < n; i++) {
    const inRange = meta.noRows ? keys.offsets[i] === 0 && keys.lengths[i] === 0 : keys.offsets[i]! >= 0 && keys.lengths[i]! > 0 && keys.offsets[i]! + keys.lengths[i]! <= meta.bytes.rows;
    if (!inRange) throw new IndexUnreadableError(`${meta.name}: a row offset is out of range`);
  }
  return keys;
}

/** Reads a segment's merged sections. */
export function readSegmentMerged(dir: string, meta: SegmentMeta): SegmentMerged {
  const data = readChecked(mergedPath(dir, meta.name), meta.bytes.merged);
  try {
    const merged = JSON.parse(data.toString('utf8')) as SegmentMerged;
    if (typeof merged?.merged === 'object' && merged.merged !== null && typeof merged.failed === 'object' && merged.failed !== null) return merged;
  } catch {
    // Reported below.
  }
  throw new IndexUnreadableError(`${meta.name}: merged sections are damaged`);
}

/** Writes a segment's merged-sections file; returns its byte size. */
export function writeMergedFile(dir: string, name: string, merged: SegmentMerged): number {
  const data = JSON.stringify(merged);
  writeWhole(mergedPath(dir, name), data);
  return Buffer.byteLength(data);
}

function parseRow(text: string, id: string, name: string): Row {
  let row: Row;
  try {
    row = JSON.parse(text) as Row;
  } catch {
    throw new IndexUnreadableError(`${name}: a row is not valid JSON`);
  }
  if (row?.id !== id || typeof row.summary?.startTime !== 'string') throw new IndexUnreadableError(`${name}: a row does not match its key`);
  return row;
}

/**
 * Reads the rows of a segment in history order from position `from` up to `to` (all by default),
 * parsing only those. A short read (a page of history) fetches just its lines; a whole read takes
 * the file at once.
 */
export function readSegmentRows(dir: string, meta: SegmentMeta, to = Infinity, from = 0): Row[] {
  // A segment without a rows file is read through loadSegmentRows (segment-rows.ts), from the reports.
  if (meta.noRows) throw new IndexUnreadableError(`${meta.name}: no rows file was written for it`);
  const keys = readSegmentKeys(dir, meta);
  const want = Math.min(to, meta.count);
  const rows: Row[] = [];
  if ((want - from) * 8 >= meta.count) {
    const data = readChecked(rowsPath(dir, meta.name), meta.bytes.rows);
    for (let i = from; i < want; i++) rows.push(parseRow(data.toString('utf8', keys.offsets[i]!, keys.offsets[i]! + keys.lengths[i]!), keys.ids[i]!, meta.name));
    return rows;
  }
  let fd: number;
  try {
    fd = openSync(rowsPath(dir, meta.name), 'r');
  } catch (error) {
    throw new IndexUnreadableError(`${meta.name}: ${(error as Error).message}`);
  }
  try {
    for (let i = from; i < want; i++) {
      const buffer = Buffer.alloc(keys.lengths[i]!);
      if (readSync(fd, buffer, 0, buffer.length, keys.offsets[i]!) !== buffer.length) throw new IndexUnreadableError(`${meta.name}: rows file is truncated`);
      rows.push(parseRow(buffer.toString('utf8'), keys.ids[i]!, meta.name));
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}

/**
 * Writes a file under a temp name and renames it into place, so a reader never sees half of it.
 * No fsync: nothing refers to a segment until the manifest (which is fsynced) names it, and a
 * file lost to a power cut is caught by the byte counts in the manifest and rebuilt.
 */
export function writeWhole(file: string, data: Buffer | string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'w' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Serializes a segment's keys file. */
export function serializeKeys(keys: SegmentKeys): string {
  return JSON.stringify(keys);
}

/** Writes a new segment's files from rows in history order and their merge; returns their byte sizes. */
export function writeSegmentFiles(dir: string, name: string, rows: readonly Row[], merged: SegmentMerged): SegmentMeta['bytes'] {
  const keys: SegmentKeys = { ids: [], starts: [], sizes: [], mtimes: [], offsets: [], lengths: [] };
  const lines: string[] = [];
  let offset = 0;
  for (const row of rows) {
    const line = `${JSON.stringify(row)}\n`;
    const length = Buffer.byteLength(line);
    keys.ids.push(row.id);
    keys.starts.push(rowKey(row)[0]);
    keys.sizes.push(row.size);
    keys.mtimes.push(row.mtimeMs);
    keys.offsets.push(offset);
    keys.lengths.push(length - 1);
    offset += length;
    lines.push(line);
  }
  const rowsData = lines.join('');
  const keysData = serializeKeys(keys);
  writeWhole(rowsPath(dir, name), rowsData);
  writeWhole(keysPath(dir, name), keysData);
  return { keys: Buffer.byteLength(keysData), rows: offset, merged: writeMergedFile(dir, name, merged) };
}
