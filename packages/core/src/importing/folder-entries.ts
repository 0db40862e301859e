import { readdirSync, type Dirent } from 'node:fs';
import { compareCodePoints } from '../format/compare-code-points.js';

/**
 * A folder's entries sorted by name (by code point, as the import plan orders files), or none when
 * it cannot be read: what an importer's `discover` lists. Read synchronously because a listing runs
 * before every view with auto-import on, where a thread-pool round trip per folder cost more than
 * the reads themselves.
 */
export function folderEntries(dir: string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.sort((a, b) => compareCodePoints(a.name, b.name));
}
