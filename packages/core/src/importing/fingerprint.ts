import { closeSync, openSync, readSync } from 'node:fs';
import { nodeCrypto } from '../node-crypto.js';

/** Bytes hashed at each end of what was consumed. */
export const FINGERPRINT_BYTES = 1024;

/** Hashes of the first and last consumed bytes of a file, to tell an appended file from a rewritten one. */
export interface Fingerprint {
  head: string;
  tail: string;
}

const sha1 = (bytes: Buffer): string => nodeCrypto().createHash('sha1').update(bytes).digest('hex');

/**
 * Fingerprints the bytes `[0, offset)` of a file by their first and last kilobyte. Read with sync
 * calls (two small reads): an import fingerprints thousands of files, and thread-pool round trips
 * would cost more than the reads.
 */
export async function fingerprint(file: string, offset: number): Promise<Fingerprint> {
  const fd = openSync(file, 'r');
  try {
    const read = (start: number, length: number): Buffer => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, start));
    };
    const headLength = Math.min(offset, FINGERPRINT_BYTES);
    const tailStart = Math.max(0, offset - FINGERPRINT_BYTES);
    return { head: sha1(read(0, headLength)), tail: sha1(read(tailStart, offset - tailStart)) };
  } finally {
    closeSync(fd);
  }
}
