import { InvalidSessionIdError } from '../errors.js';
import { nodeCrypto } from '../node-crypto.js';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws InvalidSessionIdError unless the id is safe to use as a file name (no separators, no `..`). */
export function assertSessionId(id: string): string {
  if (!SAFE_ID.test(id) || id.includes('..') || id.endsWith('.json') || id.endsWith('.jsonl')) {
    throw new InvalidSessionIdError(id);
  }
  return id;
}

/** True when the id is safe to use as a file name. */
export function isSessionId(id: string): boolean {
  try {
    assertSessionId(id);
    return true;
  } catch {
    return false;
  }
}

/** A new random session id (a UUID, as the original Radium used). */
export function newSessionId(): string {
  return nodeCrypto().randomUUID();
}
