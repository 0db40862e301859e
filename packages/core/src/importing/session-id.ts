import { assertSessionId } from '../store/session-id.js';

/** The session id an imported session gets: `<importer id>-<original id>`, unsafe characters replaced, at most 128 characters. */
export function importedSessionId(importerId: string, originalId: string): string {
  const safe = originalId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.{2,}/g, '_');
  return assertSessionId(`${importerId}-${safe}`.slice(0, 128).replace(/\.(json|jsonl)$/, '_$1'));
}
