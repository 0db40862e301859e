import type { Writable } from 'node:stream';
import { toSafeJson, type SessionReport } from '@radium-stats/core';
import { EXPORT_SCHEMA_VERSION } from './schemas.js';

/** The error that ended `out`, or a generic one when it was closed without one. */
const closedError = (out: Writable) => out.errored ?? new Error('the output was closed before the export was complete');

/** Writes a chunk and waits when the stream asks for a pause, so a large export never piles up in memory. */
async function write(out: Writable, chunk: string): Promise<void> {
  // A stream that failed (a reader that went away, a full disk) never drains again: stop instead of waiting forever.
  if (out.destroyed) throw closedError(out);
  if (out.write(chunk)) return;
  if (out.destroyed) throw closedError(out);
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      out.off('close', closed);
      if (error) reject(error);
      else resolve();
    };
    const closed = () => done(closedError(out));
    out.once('drain', done);
    out.once('error', done);
    out.once('close', closed);
  });
}

/**
 * Streams the export document (`{ schemaVersion, exportedAt, sessions: [...] }`, one report a
 * line) so only one report is in memory at a time, escaped by `toSafeJson`. Returns how many sessions were written.
 */
export async function writeExport(out: Writable, reports: AsyncIterable<SessionReport>, exportedAt: Date): Promise<number> {
  await write(out, `{"schemaVersion":${EXPORT_SCHEMA_VERSION},"exportedAt":${toSafeJson(exportedAt.toISOString())},"sessions":[`);
  let count = 0;
  for await (const report of reports) {
    await write(out, `${count === 0 ? '' : ','}\n${toSafeJson(report)}`);
    count += 1;
  }
  await write(out, `${count === 0 ? '' : '\n'}]}\n`);
  return count;
}
