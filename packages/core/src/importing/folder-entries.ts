import { readdirSync, type Dirent } from 'node:fs';

/**
 * A folder's entries sorted by name, or none when it cannot be read: what an importer's `discover`
 * lists. Read synchronously because a listing runs before every view with auto-import on, where a
 * thread-pool round trip per folder cost more than the reads themselves.
 */
export function folderEntries(dir: string): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
