import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareCodePoints, type FoundFile } from '@radium-stats/core';

const ROLLOUT = /^rollout-.*\.jsonl$/;
const UUID = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonl$/i;

/** Session group of a rollout: the session uuid at the end of its name, so a rollout moved to `archived_sessions/` stays the same session. */
export function rolloutGroup(file: string): string {
  const name = path.basename(file);
  return UUID.exec(name)?.[1]?.toLowerCase() ?? name.replace(/\.jsonl$/, '');
}

// Folders are read synchronously: a listing runs before every view with auto-import on, and Codex
// keeps a folder a day (`sessions/YYYY/MM/DD`), so a thread-pool round trip per folder and per
// rollout cost far more there than the reads themselves.
function walk(dir: string, out: { path: string; size: number }[], depth: number): void {
  if (depth > 6) return;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out, depth + 1);
    else if (entry.isFile() && ROLLOUT.test(entry.name)) out.push({ path: full, size: statSync(full, { throwIfNoEntry: false })?.size ?? 0 });
  }
}

/**
 * Lists rollouts under a Codex home (`sessions/` and `archived_sessions/`) or under any folder
 * given with `--source`. A rollout found in both places (archived after a copy) is read once: the
 * larger copy.
 */
export function discoverCodexFiles(source: string): FoundFile[] {
  const roots = ['sessions', 'archived_sessions'].map((d) => path.join(source, d));
  const present = roots.filter((r) => statSync(r, { throwIfNoEntry: false })?.isDirectory());
  const found: { path: string; size: number }[] = [];
  for (const root of present.length > 0 ? present : [source]) walk(root, found, 0);
  const byName = new Map<string, { path: string; size: number }>();
  for (const f of found) {
    const name = path.basename(f.path);
    const other = byName.get(name);
    if (!other || f.size > other.size) byName.set(name, f);
  }
  return [...byName.values()]
    .sort((a, b) => compareCodePoints(a.path, b.path))
    .map((f) => ({ path: f.path, group: rolloutGroup(f.path), part: 0, format: 'jsonl' as const }));
}
