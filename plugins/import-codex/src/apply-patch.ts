/** Lines one file of a patch changes. */
export interface PatchedFile {
  path: string;
  added: number;
  removed: number;
}

const MARKER = '*** Begin Patch';

/** Finds the first string inside a tool call's arguments that holds an apply_patch patch. */
export function findPatch(value: unknown, depth = 0): string | undefined {
  if (typeof value === 'string') {
    // Function arguments arrive as JSON text; the patch is inside it, with its newlines escaped.
    if (depth === 0 && (value.startsWith('{') || value.startsWith('['))) {
      try {
        return findPatch(JSON.parse(value), depth + 1);
      } catch {
        // Not JSON after all: look at the text itself.
      }
    }
    return value.includes(MARKER) ? value : undefined;
  }
  if (depth > 4 || typeof value !== 'object' || value === null) return undefined;
  for (const item of Object.values(value)) {
    const found = findPatch(item, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Counts the `+` and `-` lines of an apply_patch patch per file (`*** Add File`, `*** Update File`;
 * a deleted file lists no lines, so it counts none).
 */
export function patchFiles(patch: string): PatchedFile[] {
  const files: PatchedFile[] = [];
  let current: PatchedFile | undefined;
  for (const line of patch.slice(patch.indexOf(MARKER)).split('\n')) {
    const header = /^\*\*\* (Add|Update|Delete) File: (.+)$/.exec(line);
    if (header) {
      current = { path: header[2]!.trim(), added: 0, removed: 0 };
      files.push(current);
      continue;
    }
    if (line.startsWith('*** End Patch')) break;
    if (!current || line.startsWith('***')) continue;
    if (line.startsWith('+')) current.added += 1;
    else if (line.startsWith('-')) current.removed += 1;
  }
  return files.filter((f) => f.added + f.removed > 0);
}
