/** Lines an edit changed. */
export interface LineChanges {
  added: number;
  removed: number;
}

/**
 * Counts the `+` and `-` lines of `toolUseResult.structuredPatch`; a file created by Write (an
 * empty patch and `type: "create"`) counts every line of its content as added.
 */
export function patchLines(result: Record<string, unknown>): LineChanges {
  const out = { added: 0, removed: 0 };
  const hunks = Array.isArray(result.structuredPatch) ? result.structuredPatch : [];
  for (const hunk of hunks) {
    const lines = (hunk as { lines?: unknown })?.lines;
    if (!Array.isArray(lines)) continue;
    for (const line of lines) {
      if (typeof line !== 'string') continue;
      if (line.startsWith('+')) out.added += 1;
      else if (line.startsWith('-')) out.removed += 1;
    }
  }
  if (hunks.length === 0 && result.type === 'create' && typeof result.content === 'string' && result.content !== '') {
    out.added = result.content.replace(/\n$/, '').split('\n').length;
  }
  return out;
}
