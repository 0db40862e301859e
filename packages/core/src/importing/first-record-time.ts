import type { AnyImporter, FoundFile } from './contract.js';
import { readLines } from './line-reader.js';

/** Bytes searched for a session's first record time. */
const SEARCH_BYTES = 1 << 20;

/** Size of one read while searching: the first timed record is usually in the first few lines. */
const SEARCH_CHUNK_BYTES = 64 * 1024;

/**
 * Time of the first timed record in a file's first megabyte (ms), or +Infinity when there is none;
 * used to read new sessions oldest first.
 */
export async function firstRecordTime(importer: AnyImporter, file: FoundFile, size: number, maxLineBytes: number): Promise<number> {
  if (!importer.recordTime || file.format !== 'jsonl') return Number.POSITIVE_INFINITY;
  let first = Number.POSITIVE_INFINITY;
  await readLines(
    file.path,
    {
      start: 0,
      end: Math.min(size, SEARCH_BYTES),
      maxLineBytes: Math.min(maxLineBytes, SEARCH_BYTES),
      wantsLine: importer.wantsLine?.bind(importer),
      chunkBytes: SEARCH_CHUNK_BYTES,
    },
    (text) => {
      try {
        const ts = importer.recordTime!(JSON.parse(text));
        const ms = ts ? Date.parse(ts) : NaN;
        if (Number.isFinite(ms)) first = ms;
      } catch {
        // A bad line has no time.
      }
      // The first time is enough: the rest is read once, by the import itself.
      return first === Number.POSITIVE_INFINITY ? undefined : 'stop';
    },
  ).catch(() => undefined);
  return first;
}
