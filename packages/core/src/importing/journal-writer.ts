import { closeSync, mkdirSync, openSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { SessionEvent } from '../events/schema.js';
import { removeFile } from './remove-file.js';

/** Sizes of a journal after a writer finished it. */
export interface JournalSizes {
  /** Bytes before the `session.end` line: where the next import of this session cuts and appends. */
  bodySize: number;
  /** Bytes of the whole journal, `session.end` included; a different size later means someone else wrote it. */
  journalSize: number;
}

const FLUSH_BYTES = 1 << 20;

/**
 * Writes an imported session's journal in the format of core `appendEvent` (one JSON event a
 * line), buffered so a large import makes few writes. The journal always ends with `session.end`
 * at the session's last record; resuming cuts that line off, appends the new events and writes a new
 * end, so the end is never counted twice.
 */
export class ImportJournalWriter {
  private fd: number;
  private pending: string[] = [];
  private pendingBytes = 0;
  private size: number;

  private constructor(
    private readonly file: string,
    fd: number,
    size: number,
    /** True when an earlier journal was there and was replaced. */
    readonly replaced = false,
  ) {
    this.fd = fd;
    this.size = size;
  }

  /** Starts a journal from nothing (replacing any earlier one). */
  static create(file: string): ImportJournalWriter {
    const replaced = removeFile(file);
    let fd: number;
    try {
      fd = openSync(file, 'a');
    } catch (error) {
      // The sessions folder is made once, not checked for every session.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(path.dirname(file), { recursive: true });
      fd = openSync(file, 'a');
    }
    return new ImportJournalWriter(file, fd, 0, replaced);
  }

  /** Reopens a journal and cuts it back to `bodySize` (dropping its `session.end`). */
  static resume(file: string, bodySize: number): ImportJournalWriter {
    truncateSync(file, bodySize);
    return new ImportJournalWriter(file, openSync(file, 'a'), bodySize);
  }

  /** Path of the journal. */
  get path(): string {
    return this.file;
  }

  /** Queues one event; returns its line as written (newline included). */
  append(event: SessionEvent): string {
    const line = `${JSON.stringify(event)}\n`;
    this.pending.push(line);
    this.pendingBytes += line.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
    return line;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const data = Buffer.from(this.pending.join(''), 'utf8');
    let written = 0;
    while (written < data.length) written += writeSync(this.fd, data, written);
    this.size += data.length;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Writes `session.end` at `endTs`, closes the file and returns its sizes. */
  finish(endTs: string): JournalSizes {
    this.flush();
    const bodySize = this.size;
    this.append({ type: 'session.end', ts: endTs });
    this.flush();
    this.close();
    return { bodySize, journalSize: this.size };
  }

  /** Closes the file without writing the end (the session is re-imported or dropped). */
  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }
}
