import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ActivePlugin } from '../report/fold.js';
import type { BucketPart } from './bucket.js';
import type { IndexDeps } from './deps.js';
import { loadSegmentRows } from './segment-rows.js';
import { pluginFingerprint } from './fingerprint.js';
import type { SegmentMeta } from './manifest.js';
import { compareNewestFirst } from './order.js';
import { SEGMENT_ROWS, chunkRows, describeSegment, storeSegment, type SegmentRef } from './segment-build.js';
import { keysPath, rowsPath, segmentFileNames, serializeKeys, writeMergedFile, writeWhole, type SegmentKeys, type SegmentMerged } from './segment-files.js';

/** Appends the other parts' rows files to the first one's, moving their offsets along. */
function joinParts(dir: string, parts: readonly BucketPart[]): BucketPart {
  const [first, ...rest] = parts as [BucketPart, ...BucketPart[]];
  if (rest.length === 0) return first;
  const joined: BucketPart = { ...first, starts: [...first.starts], ids: [...first.ids], sizes: [...first.sizes], mtimes: [...first.mtimes], offsets: [...first.offsets], lengths: [...first.lengths] };
  for (const part of rest) {
    if (!part.noRows) {
      appendFileSync(rowsPath(dir, first.name), readFileSync(rowsPath(dir, part.name)));
      rmSync(rowsPath(dir, part.name), { force: true });
    }
    for (let i = 0; i < part.ids.length; i++) {
      joined.starts.push(part.starts[i]!);
      joined.ids.push(part.ids[i]!);
      joined.sizes.push(part.sizes[i]!);
      joined.mtimes.push(part.mtimes[i]!);
      joined.offsets.push(joined.written + part.offsets[i]!);
      joined.lengths.push(part.lengths[i]!);
    }
    joined.written += part.written;
  }
  return joined;
}

/** The parts' merged sections merged once more per plugin (merge is associative). */
function mergeParts(parts: readonly BucketPart[], plugins: readonly ActivePlugin[]): SegmentMerged {
  const result: SegmentMerged = { merged: {}, failed: {} };
  for (const { plugin } of plugins) {
    const states = parts.map((p) => p.merges[plugin.id]).filter((s) => s !== undefined);
    const failed = states.find((s) => s.failed)?.failed;
    if (failed) {
      result.failed[plugin.id] = failed;
      continue;
    }
    const merged = states.flatMap((s) => (s.merged ? [s.merged] : []));
    if (merged.length === 0) continue;
    try {
      const section = merged.length === 1 ? merged[0]!.section : plugin.merge(merged.map((m) => m.section));
      result.merged[plugin.id] = { section, sessions: merged.reduce((n, m) => n + m.sessions, 0) };
    } catch (error) {
      result.failed[plugin.id] = `Plugin ${plugin.id} failed in merge (${(error as Error)?.message ?? String(error)}); its merged view is left out.`;
    }
  }
  return result;
}

/**
 * Turns the parts of one future segment (one per build thread that met its rows) into the
 * segment: one rows file, the keys file in history order and the merged file. A segment that grew
 * past twice the usual size (the sample misjudged this part of history) is split like any large one.
 */
export async function finishSegment(deps: IndexDeps, parts: readonly BucketPart[]): Promise<SegmentRef[]> {
  const dir = deps.paths.indexDir;
  const plugins = deps.plugins;
  const filled = parts.filter((p) => p.ids.length > 0);
  if (filled.length === 0) return [];
  const part = joinParts(dir, filled);
  const n = part.ids.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareNewestFirst([part.starts[a]!, part.ids[a]!], [part.starts[b]!, part.ids[b]!]));
  const keys: SegmentKeys = {
    ids: order.map((i) => part.ids[i]!),
    starts: order.map((i) => part.starts[i]!),
    sizes: order.map((i) => part.sizes[i]!),
    mtimes: order.map((i) => part.mtimes[i]!),
    offsets: order.map((i) => part.offsets[i]!),
    lengths: order.map((i) => part.lengths[i]!),
  };
  const keysData = serializeKeys(keys);
  writeWhole(keysPath(dir, part.name), keysData);
  const meta: SegmentMeta = {
    name: part.name,
    count: n,
    newest: [keys.starts[0]!, keys.ids[0]!],
    oldest: [keys.starts[n - 1]!, keys.ids[n - 1]!],
    plugins: Object.fromEntries(plugins.map(({ plugin }) => [plugin.id, pluginFingerprint(plugin)])),
    bytes: { keys: Buffer.byteLength(keysData), rows: part.written, merged: 0 },
    ...(part.noRows ? { noRows: true as const } : {}),
  };
  const merged = mergeParts(filled, plugins);
  meta.bytes.merged = writeMergedFile(dir, part.name, merged);
  if (n <= 2 * SEGMENT_ROWS) return [{ meta, merged }];
  const pieces = chunkRows((await loadSegmentRows(deps, meta)).rows).map((chunk) => describeSegment(chunk, plugins));
  for (const piece of pieces) storeSegment(dir, piece);
  for (const file of segmentFileNames(part.name)) rmSync(path.join(dir, file), { force: true });
  return pieces.map((piece) => ({ meta: piece.meta, merged: piece.merged! }));
}
