import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** How `readLines` reads a file. */
export interface LineReaderOptions {
  /** Byte offset to start at (the start of a line). */
  start: number;
  /** Lines longer than this many bytes are skipped without being decoded (V8 cannot hold a string past ~512 MB). */
  maxLineBytes: number;
  /** Looks at a line's first bytes; false skips the line without decoding the rest. */
  wantsLine?: (head: string) => boolean;
  /** Called with the number of bytes read after every chunk. */
  onBytes?: (bytes: number) => void;
  /** Offset to stop at (the file's size when the read was planned); bytes written after it wait for the next run. */
  end?: number;
  /** Size of one read; 1 MB unless set. */
  chunkBytes?: number;
}

/** What is left after the last newline. */
export type LineTail =
  /** The unterminated last line, decoded, and the offset just past it. */
  | { kind: 'text'; text: string; end: number }
  /** An unterminated last line that was too long or not wanted; not consumed. */
  | { kind: 'skipped' };

/** What one read found besides the lines it handed over. */
export interface LineReadResult {
  /** Offset just past the last complete line (handed over or skipped). */
  consumed: number;
  /** Complete lines skipped for being longer than `maxLineBytes`. */
  overlong: number;
  /** Complete lines skipped because `wantsLine` said no. */
  ignored: number;
  /** Bytes after the last newline, or null when the file ends with a newline. */
  tail: LineTail | null;
}

/** Bytes of a line shown to `wantsLine`. */
export const LINE_HEAD_BYTES = 256;

const NEWLINE = 0x0a;

function decode(line: Buffer): string {
  const end = line.length > 0 && line[line.length - 1] === 0x0d ? line.length - 1 : line.length;
  return line.toString('utf8', 0, end);
}

/**
 * Streams the complete lines of a file from a byte offset, in bounded memory: one chunk plus the
 * line being assembled, which is dropped as soon as it passes `maxLineBytes` or `wantsLine` refuses
 * its head. `onLine` gets each line (without its newline) and the offset just past it; returning
 * `'stop'` ends the read there.
 */
export async function readLines(file: string, options: LineReaderOptions, onLine: (text: string, end: number) => unknown): Promise<LineReadResult> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  // Most transcripts are far smaller than a chunk, and an import reads thousands of them: a
  // megabyte each would be gigabytes of buffers for the garbage collector.
  const buffer = Buffer.allocUnsafe(options.end === undefined ? chunkBytes : Math.max(1, Math.min(chunkBytes, options.end - options.start)));
  // Sync reads, with a look at the event loop between chunks (a progress bar keeps moving on a
  // large file): an import reads thousands of small files, each a chunk or two, where thread-pool
  // round trips cost more than the reads.
  const fd = openSync(file, 'r');
  const result: LineReadResult = { consumed: options.start, overlong: 0, ignored: 0, tail: null };
  let parts: Buffer[] = [];
  let length = 0;
  let mode: 'keep' | 'overlong' | 'unwanted' = 'keep';
  let headChecked = !options.wantsLine;
  const drop = (next: 'overlong' | 'unwanted'): void => {
    mode = next;
    parts = [];
  };
  const checkHead = (extra?: Buffer): void => {
    headChecked = true;
    // Until the head is checked a line holds fewer than LINE_HEAD_BYTES bytes in `parts`.
    const head = Buffer.concat(extra ? [...parts, extra.subarray(0, LINE_HEAD_BYTES)] : parts).subarray(0, LINE_HEAD_BYTES);
    if (!options.wantsLine!(head.toString('utf8'))) drop('unwanted');
  };
  try {
    let position = options.start;
    for (;;) {
      const want = options.end === undefined ? chunkBytes : Math.min(chunkBytes, options.end - position);
      if (want <= 0) break;
      if (position > options.start) await nextTurn();
      const bytesRead = readSync(fd, buffer, 0, want, position);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let from = 0;
      while (from < bytesRead) {
        const newline = chunk.indexOf(NEWLINE, from);
        const to = newline === -1 ? bytesRead : newline;
        const piece = chunk.subarray(from, to);
        length += piece.length;
        if (mode === 'keep' && !headChecked && (length >= LINE_HEAD_BYTES || (newline !== -1 && length > 0))) checkHead(piece);
        if (mode === 'keep' && length > options.maxLineBytes) drop('overlong');
        if (newline === -1) {
          if (mode === 'keep') parts.push(Buffer.from(piece));
          break;
        }
        const end = position + newline + 1;
        if (mode === 'keep') {
          const line = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
          if (line.length > 0 && onLine(decode(line), end) === 'stop') {
            result.consumed = end;
            return result;
          }
        } else if (mode === 'overlong') {
          result.overlong += 1;
        } else {
          result.ignored += 1;
        }
        result.consumed = end;
        parts = [];
        length = 0;
        mode = 'keep';
        headChecked = !options.wantsLine;
        from = newline + 1;
      }
      position += bytesRead;
      options.onBytes?.(bytesRead);
    }
    if (length > 0) {
      if (mode === 'keep' && !headChecked) checkHead();
      result.tail = mode === 'keep' ? { kind: 'text', text: decode(Buffer.concat(parts)), end: position } : { kind: 'skipped' };
    }
  } finally {
    closeSync(fd);
  }
  return result;
}
