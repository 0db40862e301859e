import { pluginFingerprint } from './fingerprint.js';
import { logStamp, type LogStamp } from './change-log.js';
import type { Manifest, SegmentMeta } from './manifest.js';
import type { ActivePlugin } from '../report/fold.js';
import { dirStamp, sameDir, type DirStamp } from './stamps.js';

/** The cheap facts that decide whether the index is current: two stats. */
export interface Probe {
  sessions: DirStamp | null;
  log: LogStamp | null;
}

/** Stats the sessions folder and the change log. */
export function takeProbe(sessionsDir: string, indexDir: string, nowMs: number): Probe {
  return { log: logStamp(indexDir), sessions: dirStamp(sessionsDir, nowMs) };
}

/** True when the change log has not grown or been replaced since the manifest was written. */
export function sameLog(recorded: LogStamp | null, current: LogStamp | null): boolean {
  if (recorded === null || current === null) return recorded === current;
  return recorded.size === current.size && recorded.ino === current.ino;
}

/** True when the segment's sections were summarized by the same code as every active plugin's. */
export function covers(segment: SegmentMeta, plugins: readonly ActivePlugin[]): boolean {
  return plugins.every(({ plugin }) => segment.plugins[plugin.id] === pluginFingerprint(plugin));
}

/** True when the manifest can be used as it is: same folder entries, no logged writes since, every plugin covered. */
export function isFresh(manifest: Manifest, probe: Probe, plugins: readonly ActivePlugin[]): boolean {
  return sameDir(manifest.sessions, probe.sessions) && sameLog(manifest.log, probe.log) && manifest.segments.every((s) => covers(s, plugins));
}
