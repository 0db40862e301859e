import type { PluginSource } from '../host/plugin-source.js';
import type { BucketPart } from './bucket.js';
import type { BrokenEntry } from './manifest.js';
import type { SessionKey } from './order.js';
import type { FileStamp } from './stamps.js';

/** What a build thread is started with. */
export interface BuildThreadInit {
  source: PluginSource;
  /** The active plugins, in order, with the fingerprint the thread's copies must have. */
  plugins: { id: string; fingerprint: string }[];
  sessionsDir: string;
  indexDir: string;
  /** Added to the thread's Date.now() so it agrees with the caller's clock (tests fix it). */
  clockOffsetMs: number;
}

/** Sent to a build thread: chunks of ids, the cuts once (before or among the chunks), then close (always after the cuts). */
export type ToBuildThread = { type: 'cuts'; cuts: SessionKey[] } | { type: 'files'; ids: string[] } | { type: 'close' };

/** Sent by a build thread. */
export type FromBuildThread =
  | { type: 'ready' }
  | { type: 'failed'; reason: string }
  | { type: 'warn'; message: string }
  | { type: 'broken'; entry: BrokenEntry }
  /** A corrupt report with a journal: the caller folds the journal (it has the host services for that). */
  | { type: 'refold'; id: string; stamp: FileStamp; message: string }
  /** A chunk of `count` ids was done. */
  | { type: 'done'; count: number }
  | { type: 'closed'; parts: BucketPart[] };
