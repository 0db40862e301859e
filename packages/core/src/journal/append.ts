import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SessionEvent } from '../events/schema.js';

/**
 * Appends one event as one line with a single write, so a crash loses at most that event and
 * concurrent appenders (O_APPEND) never interleave inside a line.
 */
export function appendEvent(journalFile: string, event: SessionEvent): void {
  appendFileSync(journalFile, `${JSON.stringify(event)}\n`, { encoding: 'utf8' });
}

/** Creates the journal with its first event; fails when it already exists so ids are never reused. */
export function createJournal(journalFile: string, first: SessionEvent): void {
  mkdirSync(path.dirname(journalFile), { recursive: true });
  appendFileSync(journalFile, `${JSON.stringify(first)}\n`, { encoding: 'utf8', flag: 'wx' });
}
