import type { Writable } from 'node:stream';
import type { SessionReport } from '@radium-stats/core';
import { EXPORT_SCHEMA_VERSION } from './schemas.js';

/** Writes a chunk and waits when the stream asks for a pause, so a large export never piles up in memory. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (out.write(chunk)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
  });
}

/**
 * Streams the export document (`{ schemaVersion, exportedAt, sessions: [...] }`, one report a
 * line) so only one report is in memory at a time. Returns how many sessions were written.
 */
export async function writeExport(out: Writable, reports: AsyncIterable<SessionReport>, exportedAt: Date): Promise<number> {
  await write(out, `{"schemaVersion":${EXPORT_SCHEMA_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"sessions":[`);
  let count = 0;
  for await (const report of reports) {
    await write(out, `${count === 0 ? '' : ','}\n${JSON.stringify(report)}`);
    count += 1;
  }
  await write(out, `${count === 0 ? '' : '\n'}]}\n`);
  return count;
}
