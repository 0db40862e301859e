import type { IndexDeps } from './deps.js';
import type { BrokenEntry, SegmentMeta } from './manifest.js';
import { readEntry } from './read-entry.js';
import type { Row } from './rows.js';
import { readSegmentKeys, readSegmentRows } from './segment-files.js';

/** A segment's rows, and the reports among them that could no longer be read. */
export interface LoadedRows {
  rows: Row[];
  broken: BrokenEntry[];
}

/**
 * A segment's rows in history order from position `from` up to `to` (all by default): from its
 * rows file, or, for a segment stored without one, from the reports its keys name (the reports
 * are the truth the rows were made from). A report gone since is left out; one that can no
 * longer be read comes back as broken. With `indexStamps`, rows read from reports carry the
 * stamps the index holds, not the ones just read: a reader that checks shown rows against their
 * files then sees a report rewritten in place and has the index repaired, as with stored rows.
 */
export async function loadSegmentRows(deps: IndexDeps, meta: SegmentMeta, to = Infinity, from = 0, indexStamps = false): Promise<LoadedRows> {
  if (!meta.noRows) return { rows: readSegmentRows(deps.paths.indexDir, meta, to, from), broken: [] };
  const keys = readSegmentKeys(deps.paths.indexDir, meta);
  const rows: Row[] = [];
  const broken: BrokenEntry[] = [];
  const want = Math.min(to, keys.ids.length);
  for (let i = from; i < want; i++) {
    const result = await readEntry(deps.store, deps.plugins, deps.warn, keys.ids[i]!, deps.now());
    if ('row' in result) rows.push(indexStamps ? { ...result.row, size: keys.sizes[i]!, mtimeMs: keys.mtimes[i]! } : result.row);
    else if ('broken' in result) broken.push(result.broken);
  }
  return { rows, broken };
}
