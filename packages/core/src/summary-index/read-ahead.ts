import { Worker } from 'node:worker_threads';
import { MAX_REPORT_BYTES, checkSessionFile, openSessionFile, type SessionFileCheck } from '../store/session-file.js';

/** One file as the read-ahead thread found it. */
export interface FileRead {
  /** Position in the list asked for. */
  index: number;
  size: number;
  mtimeMs: number;
  /** The bytes, unless the file could not be read. */
  data?: Buffer;
  /** Error code (`ENOENT`, `EACCES`, …) when it could not be read. */
  error?: string;
  /** Set, and the file left unopened or unread, when it is not a regular file or is over MAX_REPORT_BYTES. */
  found?: Extract<SessionFileCheck, { kind: 'odd' | 'large' }>;
}

/** Files per message, and messages the thread may run ahead of the reader (bounds memory to a few MB). */
const BATCH = 64;
const AHEAD = 8;

// The thread only opens, stats and reads files: it needs no plugin, so it is plain script run with
// `eval` (no file to locate, the same under tests and in the built package). It checks each file
// with the source text of the same functions every other reader uses, so it too never opens a FIFO
// or device and never reads an oversized report. It waits on a shared credit counter so it never
// runs more than AHEAD batches ahead of the reader.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
${checkSessionFile.toString()}
${openSessionFile.toString()}
const credits = new Int32Array(workerData.credits);
let items = [];
let transfer = [];
function flush() {
  if (items.length === 0) return;
  for (;;) {
    const have = Atomics.load(credits, 0);
    if (have > 0) break;
    Atomics.wait(credits, 0, have);
  }
  Atomics.sub(credits, 0, 1);
  parentPort.postMessage({ items }, transfer);
  items = [];
  transfer = [];
}
function readOne(index) {
  let opened;
  try {
    opened = ${openSessionFile.name}(fs, files[index], ${MAX_REPORT_BYTES});
  } catch (error) {
    return { index, size: 0, mtimeMs: 0, error: error.code || String(error) };
  }
  if (opened.kind === 'gone') return { index, size: 0, mtimeMs: 0, error: 'ENOENT' };
  if (opened.kind !== 'file') return { index, size: opened.size || 0, mtimeMs: 0, found: opened };
  const fd = opened.fd;
  try {
    const buffer = new ArrayBuffer(opened.size);
    const view = new Uint8Array(buffer);
    let read = 0;
    while (read < opened.size) {
      const n = fs.readSync(fd, view, read, opened.size - read, read);
      if (n === 0) break;
      read += n;
    }
    transfer.push(buffer);
    return { index, size: opened.size, mtimeMs: opened.mtimeMs, data: buffer, length: read };
  } catch (error) {
    return { index, size: 0, mtimeMs: 0, error: error.code || String(error) };
  } finally {
    fs.closeSync(fd);
  }
}
const files = workerData.files;
for (let index = 0; index < files.length; index++) {
  items.push(readOne(index));
  if (items.length >= ${BATCH}) flush();
}
flush();
parentPort.postMessage({ done: true });
`;

interface Batch {
  items: (Omit<FileRead, 'data'> & { data?: ArrayBuffer; length?: number })[];
}

/**
 * Reads files in order on a second thread, so the open/stat/read/close system calls (most of the
 * cost of reading many small files) run on another core while this thread parses what has
 * arrived. Yields every file, in the order given.
 */
export async function* readAhead(files: readonly string[]): AsyncGenerator<FileRead> {
  const credits = new SharedArrayBuffer(4);
  const counter = new Int32Array(credits);
  Atomics.store(counter, 0, AHEAD);
  const worker = new Worker(THREAD, { eval: true, workerData: { files, credits } });
  const queue: Batch[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: Batch | { done: true }) => {
    if ('done' in message) finished = true;
    else queue.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', () => {
    finished = true;
    notify();
  });
  try {
    for (;;) {
      const batch = queue.shift();
      if (batch) {
        Atomics.add(counter, 0, 1);
        Atomics.notify(counter, 0);
        for (const item of batch.items) {
          const { data, length, ...rest } = item;
          yield data ? { ...rest, data: Buffer.from(data, 0, length) } : rest;
        }
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.terminate();
  }
}
