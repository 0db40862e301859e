import { InvalidEventError, PluginError } from '../errors.js';
import { parseEvent } from '../events/parse.js';
import type { SessionEvent } from '../events/schema.js';
import type { WorkspacePaths } from '../store/paths.js';
import type { ClaimRegistry } from './claims.js';
import type { AnyImporter, ImportedEvent, ImportSink, ProjectScope, SessionHead, SessionResult } from './contract.js';
import { ImportJournalWriter, type JournalSizes } from './journal-writer.js';
import { removeFile } from './remove-file.js';
import { importedSessionId } from './session-id.js';
import type { ImportedSession } from './state.js';
import { toIsoTime } from './time.js';

/** What a sink needs from the run. */
export interface SinkContext {
  importer: AnyImporter;
  scope: ProjectScope;
  paths: WorkspacePaths;
  claims: ClaimRegistry;
  /** Which group holds each session id. */
  owners: Map<string, string>;
  /** Counts events dropped for not matching the protocol. */
  onInvalidEvent(message: string): void;
}

/** Why the sink stopped taking records: the group is skipped, or imported again from the start. */
export type SinkStop = { kind: 'out-of-scope' } | { kind: 'duplicate' } | { kind: 'restart'; reason: string };

/**
 * A journal written from the start is also kept in memory up to this size, so it is folded from
 * its lines without being read back and validated again; a larger one is folded from the file.
 */
export const IN_MEMORY_FOLD_BYTES = 32 * 1024 * 1024;

/** True when `a` is after `b`; both are `toIsoTime` strings, which order as text. */
const later = (a: string, b: string | undefined): boolean => !b || a > b;

/**
 * The sink of one session group: writes `session.start` when the parser names the session (after
 * checking scope and id), appends validated events, and keeps the session's first and last times.
 * A resumed session reopens its journal only when something new arrives.
 */
export class SessionSink implements ImportSink {
  private writer: ImportJournalWriter | undefined;
  private sessionId: string | undefined;
  private firstTs: string | undefined;
  private lastTs: string | undefined;
  private existed = false;
  private stop: SinkStop | undefined;
  /** The lines of a journal written from the start in this run, while it is small enough. */
  private lines: string[] | undefined;
  private linesBytes = 0;

  constructor(
    private readonly ctx: SinkContext,
    private readonly group: string,
    /** The session as the last run left it, when resuming. */
    private readonly resumed: ImportedSession | undefined,
  ) {
    if (resumed) {
      this.sessionId = resumed.id;
      this.firstTs = resumed.firstTs;
      this.lastTs = resumed.lastTs;
    }
  }

  /** The session id, once known. */
  get id(): string | undefined {
    return this.sessionId;
  }

  /** True when the session's report or journal was in the workspace before this run named it (an import whose state was lost). */
  get existedBefore(): boolean {
    return this.existed;
  }

  /** Time of the session's last record so far (ISO), once named. */
  get lastRecordTs(): string | undefined {
    return this.lastTs;
  }

  /** Why the sink stopped taking records, once it has. */
  get stopped(): SinkStop | undefined {
    return this.stop;
  }

  private halt<K extends SinkStop>(stop: K): K['kind'] {
    this.stop ??= stop;
    return stop.kind;
  }

  /** Opens the session: checks scope and id, starts a fresh journal with `session.start`. */
  session(head: SessionHead): SessionResult {
    // After a restart nothing more is taken either: any answer but `ok` makes the parser stop.
    if (this.stop) return this.stop.kind === 'duplicate' ? 'duplicate' : 'out-of-scope';
    if (this.sessionId) return 'ok';
    const { importer, scope, paths, owners } = this.ctx;
    if (typeof head?.workspace !== 'string' || head.workspace === '') throw new PluginError(importer.id, 'named a session without a workspace');
    if (!scope.includes(head.workspace)) return this.halt({ kind: 'out-of-scope' });
    const id = importedSessionId(importer.id, String(head.originalId));
    const owner = owners.get(id);
    if (owner !== undefined && owner !== this.group) return this.halt({ kind: 'duplicate' });
    const ts = toIsoTime(head.ts);
    if (!ts) throw new PluginError(importer.id, `gave session ${String(head.originalId)} no valid start time`);
    this.ctx.claims.release(this.group);
    const hadReport = removeFile(paths.reportFile(id));
    this.writer = ImportJournalWriter.create(paths.journalFile(id));
    this.existed = hadReport || this.writer.replaced;
    this.lines = [];
    this.linesBytes = 0;
    this.keep(
      this.writer.append(
        parseEvent({ type: 'session.start', ts, sessionId: id, workspace: head.workspace, agent: importer.id, ...(head.meta ? { meta: head.meta } : {}) }),
      ),
    );
    owners.set(id, this.group);
    this.sessionId = id;
    this.firstTs = ts;
    if (later(ts, this.lastTs)) this.lastTs = ts;
    return 'ok';
  }

  private keep(line: string): void {
    if (!this.lines) return;
    this.linesBytes += line.length;
    if (this.linesBytes > IN_MEMORY_FOLD_BYTES) this.lines = undefined;
    else this.lines.push(line);
  }

  private open(): ImportJournalWriter {
    if (this.writer) return this.writer;
    if (!this.sessionId || !this.resumed) throw new PluginError(this.ctx.importer.id, 'produced an event before naming its session');
    this.writer = ImportJournalWriter.resume(this.ctx.paths.journalFile(this.sessionId), this.resumed.bodySize);
    return this.writer;
  }

  /** Validates an event and appends it; one that does not match the protocol is counted and dropped. */
  emit(event: ImportedEvent): void {
    if (this.stop) return;
    let parsed: SessionEvent;
    try {
      parsed = parseEvent(event);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      this.ctx.onInvalidEvent(error.message);
      return;
    }
    if (parsed.type === 'session.start' || parsed.type === 'session.end') {
      this.ctx.onInvalidEvent(`${parsed.type} is written by the host`);
      return;
    }
    this.keep(this.open().append(parsed));
    const ts = toIsoTime(parsed.ts)!;
    if (later(ts, this.lastTs)) this.lastTs = ts;
  }

  /** Moves the session's end to a later record. */
  touch(ts: string): void {
    if (this.stop) return;
    const iso = toIsoTime(ts);
    if (!iso || !later(iso, this.lastTs)) return;
    this.lastTs = iso;
    if (this.sessionId) this.open();
  }

  /** Claims a de-duplication key for this session's group. */
  claim(key: string): boolean {
    if (this.stop) return false;
    if (!this.sessionId) throw new PluginError(this.ctx.importer.id, 'claimed a key before naming its session');
    return this.ctx.claims.claim(this.group, String(key));
  }

  /** True when a session of another group holds the key. */
  held(key: string): boolean {
    return this.ctx.claims.heldByOther(this.group, String(key));
  }

  /** Asks for the whole group to be imported again; the host stops reading it. */
  restart(reason: string): void {
    this.halt({ kind: 'restart', reason });
  }

  /** True when the journal was opened (new events or a later end). */
  get changed(): boolean {
    return this.writer !== undefined;
  }

  /** Ends the journal at the last record; returns the session as the import state keeps it (the keys it holds are in the claim registry). */
  finish(): ImportedSession {
    const sizes: JournalSizes = this.writer!.finish(this.lastTs!);
    // The same line the writer ended the journal with.
    this.keep(`${JSON.stringify({ type: 'session.end', ts: this.lastTs! })}\n`);
    return { id: this.sessionId!, ...sizes, firstTs: this.firstTs!, lastTs: this.lastTs! };
  }

  /**
   * After `finish`, the events of a journal written wholly in this run, as reading it back would
   * give them (each line parsed again, already validated when emitted); undefined when the journal
   * was resumed or too large to keep, and must be read.
   */
  writtenEvents(): Iterable<SessionEvent> | undefined {
    const lines = this.lines;
    if (!lines) return undefined;
    return (function* () {
      for (const line of lines) yield JSON.parse(line) as SessionEvent;
    })();
  }

  /** Closes the journal without an end (the group is being dropped or re-imported). */
  abort(): void {
    this.lines = undefined;
    this.writer?.close();
  }
}
