import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';

/** Bytes hashed at each end of what was consumed. */
export const FINGERPRINT_BYTES = 1024;

/** Hashes of the first and last consumed bytes of a file, to tell an appended file from a rewritten one. */
export interface Fingerprint {
  head: string;
  tail: string;
}

const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');

/** Fingerprints the bytes `[0, offset)` of a file by their first and last kilobyte. */
export async function fingerprint(file: string, offset: number): Promise<Fingerprint> {
  const handle = await fs.open(file, 'r');
  try {
    const read = async (start: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      return buffer.subarray(0, bytesRead);
    };
    const headLength = Math.min(offset, FINGERPRINT_BYTES);
    const tailStart = Math.max(0, offset - FINGERPRINT_BYTES);
    return { head: sha1(await read(0, headLength)), tail: sha1(await read(tailStart, offset - tailStart)) };
  } finally {
    await handle.close();
  }
}
